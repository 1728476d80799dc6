import { useEffect, useRef } from 'react';
import type { ClusterModel, NodeCard, PodTone } from './model';

// Beyond CANVAS_NODES nodes or CANVAS_PODS pods the cluster view draws on a canvas: one cell per
// node with a dot per pod, instead of thousands of DOM tiles. A text summary says the same in words.

/** Node count above which the cluster view switches to canvas. */
export const CANVAS_NODES = 40;
/** Pod count above which the cluster view switches to canvas. */
export const CANVAS_PODS = 400;

const TONE_COLOUR: Record<PodTone, string> = {
  ok: '#1d7a46',
  progress: '#b07800',
  waiting: '#7a8090',
  bad: '#b3261e',
  gone: '#a0a4ad',
};

const CELL_W = 92;
const CELL_H = 58;
const GAP = 6;
const DOT = 4;

/** Reports whether a model is large enough for the canvas view. */
export function wantsCanvas(model: ClusterModel): boolean {
  const pods = model.nodes.reduce((n, c) => n + c.tiles.length, model.pending.length);
  return model.nodes.length > CANVAS_NODES || pods > CANVAS_PODS;
}

/** Draws every node as a cell of pod dots; clicking a cell selects the node. */
export function ClusterCanvas({
  model,
  onSelect,
}: {
  model: ClusterModel;
  onSelect(key: string): void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const width = 8 * (CELL_W + GAP);
  const perRow = Math.max(1, Math.floor(width / (CELL_W + GAP)));
  const height = Math.ceil(model.nodes.length / perRow) * (CELL_H + GAP) || CELL_H;

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    model.nodes.forEach((node, i) =>
      drawCell(ctx, node, (i % perRow) * (CELL_W + GAP), Math.floor(i / perRow) * (CELL_H + GAP)),
    );
  }, [model, width, height, perRow]);

  const counts = new Map<string, number>();
  for (const t of [...model.nodes.flatMap((n) => n.tiles), ...model.pending])
    counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  const notReady = model.nodes.filter((n) => !n.ready).map((n) => n.name);
  return (
    <div className="clustercanvas">
      <p>
        {model.nodes.length} nodes
        {notReady.length > 0
          ? `, not ready: ${notReady.slice(0, 10).join(', ')}${notReady.length > 10 ? '…' : ''}`
          : ', all Ready'}
        . Pods: {[...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'none'}.
      </p>
      <canvas
        ref={ref}
        width={width}
        height={height}
        aria-label="Nodes and their pods, one cell per node"
        role="img"
        onClick={(e) => {
          const rect = e.currentTarget.getBoundingClientRect();
          const x = ((e.clientX - rect.left) * width) / rect.width;
          const y = ((e.clientY - rect.top) * height) / rect.height;
          const i = Math.floor(y / (CELL_H + GAP)) * perRow + Math.floor(x / (CELL_W + GAP));
          const node = model.nodes[i];
          if (node) onSelect(node.key);
        }}
      />
    </div>
  );
}

function drawCell(ctx: CanvasRenderingContext2D, node: NodeCard, x: number, y: number): void {
  ctx.fillStyle = node.ready ? '#ffffff' : '#fff1f0';
  ctx.strokeStyle = node.ready ? '#9aa0ad' : '#b3261e';
  ctx.lineWidth = node.ready ? 1 : 2;
  ctx.fillRect(x, y, CELL_W, CELL_H);
  ctx.strokeRect(x + 0.5, y + 0.5, CELL_W - 1, CELL_H - 1);
  ctx.fillStyle = '#1d2330';
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText(`${node.ready ? '' : '▲ '}${node.name}`, x + 4, y + 11);
  const perLine = Math.floor((CELL_W - 8) / (DOT + 1));
  node.tiles.forEach((t, j) => {
    ctx.fillStyle = TONE_COLOUR[t.tone];
    ctx.fillRect(
      x + 4 + (j % perLine) * (DOT + 1),
      y + 16 + Math.floor(j / perLine) * (DOT + 1),
      DOT,
      DOT,
    );
  });
}
