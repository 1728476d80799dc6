import { select } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { SessionController } from '../../session/controller';
import type { Hop } from '../../worker/protocol';
import { type Box, VIEW_H, VIEW_W, along, centre, flowLayout } from './layout';
import { packetLabel } from './label';
import { usePrefersReducedMotion } from '../usePrefersReducedMotion';

/** What the flow view needs from the page. */
export interface FlowViewProps {
  session: SessionController;
  components: string[];
  selectedHop: number | undefined;
  onSelectHop(id: number): void;
  onSelectComponent(name: string): void;
}

/** Packets drawn for one moment; more would hide each other and cost frames at scale. */
const MAX_PACKETS = 40;

interface Packet {
  hop: Hop;
  from: Box;
  to: Box;
}

/** Draws the control plane's components and animates each hop as a packet along its edge. */
export function FlowView({
  session,
  components,
  selectedHop,
  onSelectHop,
  onSelectComponent,
}: FlowViewProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const layout = useMemo(() => flowLayout(components), [components]);
  const reduced = usePrefersReducedMotion();
  const select_ = useRef(onSelectHop);
  select_.current = onSelectHop;
  const selectComponent = useRef(onSelectComponent);
  selectComponent.current = onSelectComponent;

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    drawStatic(svg, layout, (name) => selectComponent.current(name));
    const draw = () =>
      drawPackets(svg, session, layout, reduced, selectedHop, (id) => select_.current(id));
    draw();
    return session.store.subscribe(draw);
  }, [session, layout, reduced, selectedHop]);

  return (
    <svg
      ref={svgRef}
      className="flow"
      viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
      role="group"
      aria-label="Control-plane flow: each message between components moves as a numbered packet"
    />
  );
}

function drawStatic(
  svg: SVGSVGElement,
  layout: ReturnType<typeof flowLayout>,
  onSelect: (name: string) => void,
): void {
  const root = select(svg);
  root.selectAll('*').remove();
  const api = layout.boxOf('kube-apiserver') as Box;
  const edges = layout.boxes.filter(
    (b) => b.id !== api.id && !b.idle && b.id.indexOf('containerd/') !== 0,
  );
  const edgeLayer = root.append('g').attr('class', 'edges');
  for (const b of edges) {
    const a = centre(api);
    const c = centre(b);
    edgeLayer.append('line').attr('x1', a.x).attr('y1', a.y).attr('x2', c.x).attr('y2', c.y);
  }
  for (const b of layout.boxes.filter((x) => x.id.startsWith('containerd/'))) {
    const kubelet = layout.boxOf(`kubelet/${b.id.split('/')[1]}`) as Box;
    const a = centre(kubelet);
    const c = centre(b);
    edgeLayer.append('line').attr('x1', a.x).attr('y1', a.y).attr('x2', c.x).attr('y2', c.y);
  }
  const groups = root.append('g').attr('class', 'groups');
  for (const g of layout.groups) {
    groups
      .append('rect')
      .attr('x', g.x)
      .attr('y', g.y)
      .attr('width', g.w)
      .attr('height', g.h)
      .attr('rx', 10);
    groups
      .append('text')
      .attr('x', g.x + 10)
      .attr('y', g.y + 17)
      .text(g.label);
  }
  const boxes = root.append('g').attr('class', 'boxes');
  for (const b of layout.boxes) {
    const g = boxes
      .append('g')
      .attr('class', `box${b.idle ? ' idle' : ''}${b.group ? ' part' : ''}`)
      .attr('data-component', b.id);
    if (!b.idle && b.id !== 'more-nodes')
      g.attr('tabindex', 0)
        .attr('role', 'button')
        .attr('aria-label', `Inspect ${b.id}`)
        .on('click', () => onSelect(b.id))
        .on('keydown', (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') onSelect(b.id);
        });
    g.append('rect')
      .attr('x', b.x)
      .attr('y', b.y)
      .attr('width', b.w)
      .attr('height', b.h)
      .attr('rx', 8);
    g.append('text')
      .attr('x', b.x + b.w / 2)
      .attr('y', b.y + b.h / 2 + 4)
      .attr('text-anchor', 'middle')
      .text(b.id === 'kube-controller-manager' ? b.label : b.label.replace(/-controller$/, ''));
    if (b.idle)
      g.append('title').text('kube-proxy is drawn for orientation; Services are not simulated yet');
  }
  root.append('g').attr('class', 'packets');
}

function drawPackets(
  svg: SVGSVGElement,
  session: SessionController,
  layout: ReturnType<typeof flowLayout>,
  reduced: boolean,
  selectedHop: number | undefined,
  onSelect: (id: number) => void,
): void {
  const { position, bootHops } = session.store.getState();
  const packets: Packet[] = [];
  const m = position.moment;
  if (m) {
    for (let i = m.first; i <= m.last && packets.length < MAX_PACKETS; i++) {
      const hop = session.timeline.hops[i];
      if (!hop || !session.isVisible(hop)) continue;
      const from = layout.boxOf(hop.from);
      const to = layout.boxOf(hop.to);
      if (from && to && from !== to) packets.push({ hop, from, to });
    }
  }
  const busy = new Set(packets.flatMap((p) => [p.from.id, p.to.id]));
  select(svg)
    .selectAll<SVGGElement, unknown>('g.box')
    .classed('active', function () {
      return busy.has(this.getAttribute('data-component') ?? '');
    });
  const progress = reduced ? 1 : position.progress;
  const groups = select(svg)
    .select('g.packets')
    .selectAll<SVGGElement, Packet>('g.packet')
    .data(packets, (p) => String(p.hop.id))
    .join((enter) => {
      const g = enter
        .append('g')
        .attr('class', (p) => `packet ${p.hop.type}`)
        .attr('tabindex', 0)
        .attr('role', 'button');
      g.append('line').attr('class', 'trail');
      g.append('circle').attr('r', 9);
      g.append('text').attr('class', 'num').attr('text-anchor', 'middle').attr('dy', 4);
      g.append('text').attr('class', 'label').attr('dx', 13).attr('dy', 4);
      return g;
    });
  groups
    .attr(
      'aria-label',
      (p) => `Message ${p.hop.id - bootHops}: ${packetLabel(p.hop)}, ${p.hop.from} to ${p.hop.to}`,
    )
    .classed('selected', (p) => p.hop.id === selectedHop)
    .on('click', (_e, p) => onSelect(p.hop.id))
    .on('keydown', (e: KeyboardEvent, p) => {
      if (e.key === 'Enter' || e.key === ' ') onSelect(p.hop.id);
    });
  groups.each(function (p, i) {
    const at = along(p.from, p.to, progress);
    const a = centre(p.from);
    const g = select(this);
    g.select('line.trail').attr('x1', a.x).attr('y1', a.y).attr('x2', at.x).attr('y2', at.y);
    g.select('circle').attr('cx', at.x).attr('cy', at.y);
    g.select('text.num')
      .attr('x', at.x)
      .attr('y', at.y)
      .text(p.hop.id - bootHops);
    // Fan-outs leave one point at once; stagger the labels so they stay readable.
    g.select('text.label')
      .attr('x', at.x)
      .attr('y', at.y + (i % 4) * 13)
      .text(packetLabel(p.hop));
  });
}
