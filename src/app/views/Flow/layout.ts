// Where each component sits in the flow view, in a fixed 860×500 viewBox. The apiserver is the
// hub every other component talks through, so it sits in the middle and the rest around it.

/** One box in the flow view. */
export interface Box {
  id: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The group box it belongs to, if any (controllers in kube-controller-manager, node parts). */
  group?: string;
  /** Drawn for orientation but not simulated (kube-proxy). */
  idle?: boolean;
}

/** The flow view's boxes and a lookup from trace component names to box ids. */
export interface FlowLayout {
  boxes: Box[];
  groups: Box[];
  /** Returns the box a trace component name is drawn as. */
  boxOf(component: string): Box | undefined;
}

export const VIEW_W = 860;
export const VIEW_H = 500;

/** Node boxes drawn before the rest are folded into one "more nodes" box. */
export const MAX_NODE_BOXES = 6;

const NODE_H = 74;

/** Lays out the components of a session (names as the trace spells them). */
export function flowLayout(components: readonly string[]): FlowLayout {
  const boxes: Box[] = [
    { id: 'kubectl', label: 'kubectl', x: 8, y: 200, w: 96, h: 40 },
    { id: 'kube-apiserver', label: 'kube-apiserver', x: 190, y: 190, w: 150, h: 60 },
    { id: 'etcd', label: 'etcd', x: 200, y: 420, w: 130, h: 44 },
    { id: 'kube-scheduler', label: 'kube-scheduler', x: 420, y: 420, w: 170, h: 44 },
  ];
  const controllers = components.filter((c) => c.endsWith('-controller')).sort();
  const cm: Box = {
    id: 'kube-controller-manager',
    label: 'kube-controller-manager',
    x: 405,
    y: 8,
    w: 200,
    h: 30 + controllers.length * 30,
  };
  const groups: Box[] = [cm];
  controllers.forEach((c, i) =>
    boxes.push({
      id: c,
      label: c,
      x: cm.x + 10,
      y: cm.y + 26 + i * 30,
      w: cm.w - 20,
      h: 25,
      group: cm.id,
    }),
  );
  const nodes = components
    .filter((c) => c.startsWith('kubelet/'))
    .map((c) => c.slice('kubelet/'.length));
  const shown = nodes.length > MAX_NODE_BOXES ? nodes.slice(0, MAX_NODE_BOXES - 1) : nodes;
  const top = Math.max(
    16,
    (VIEW_H - (shown.length + (shown.length < nodes.length ? 1 : 0)) * (NODE_H + 10)) / 2,
  );
  shown.forEach((node, i) => {
    const g: Box = {
      id: `node/${node}`,
      label: node,
      x: 650,
      y: top + i * (NODE_H + 10),
      w: 202,
      h: NODE_H,
    };
    groups.push(g);
    boxes.push(
      {
        id: `kubelet/${node}`,
        label: 'kubelet',
        x: g.x + 8,
        y: g.y + 22,
        w: 88,
        h: 24,
        group: g.id,
      },
      {
        id: `containerd/${node}`,
        label: 'containerd',
        x: g.x + 104,
        y: g.y + 22,
        w: 90,
        h: 24,
        group: g.id,
      },
      {
        id: `kube-proxy/${node}`,
        label: 'kube-proxy',
        x: g.x + 8,
        y: g.y + 48,
        w: 88,
        h: 22,
        group: g.id,
        idle: true,
      },
    );
  });
  const more = nodes.length - shown.length;
  if (more > 0) {
    const y = top + shown.length * (NODE_H + 10);
    boxes.push({ id: 'more-nodes', label: `${more} more nodes`, x: 650, y, w: 202, h: 40 });
  }
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const folded = new Set(nodes.slice(shown.length));
  return {
    boxes,
    groups,
    boxOf(component) {
      const direct = byId.get(component);
      if (direct) return direct;
      const node = component.split('/')[1];
      return node && folded.has(node) ? byId.get('more-nodes') : undefined;
    },
  };
}

/** Returns the point where a packet is drawn, progress 0–1 of the way between two boxes. */
export function along(from: Box, to: Box, progress: number): { x: number; y: number } {
  const a = centre(from);
  const b = centre(to);
  return { x: a.x + (b.x - a.x) * progress, y: a.y + (b.y - a.y) * progress };
}

/** Returns a box's centre. */
export function centre(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}
