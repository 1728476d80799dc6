// Where each component sits in the flow view, in a fixed 1000×620 viewBox. The apiserver is the
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

export const VIEW_W = 1000;
export const VIEW_H = 620;

/** Node boxes drawn before the rest are folded into one "more nodes" box. */
export const MAX_NODE_BOXES = 6;

const NODE_H = 84;

/** Lays out the components of a session (names as the trace spells them). */
export function flowLayout(components: readonly string[]): FlowLayout {
  const boxes: Box[] = [
    { id: 'kubectl', label: 'kubectl', x: 20, y: 260, w: 110, h: 44 },
    { id: 'kube-apiserver', label: 'kube-apiserver', x: 270, y: 250, w: 160, h: 64 },
    { id: 'etcd', label: 'etcd', x: 285, y: 500, w: 130, h: 48 },
    { id: 'kube-scheduler', label: 'kube-scheduler', x: 560, y: 470, w: 170, h: 48 },
  ];
  const controllers = components.filter((c) => c.endsWith('-controller')).sort();
  const cm: Box = {
    id: 'kube-controller-manager',
    label: 'kube-controller-manager',
    x: 540,
    y: 16,
    w: 210,
    h: 34 + controllers.length * 34,
  };
  const groups: Box[] = [cm];
  controllers.forEach((c, i) =>
    boxes.push({
      id: c,
      label: c,
      x: cm.x + 10,
      y: cm.y + 28 + i * 34,
      w: cm.w - 20,
      h: 28,
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
      x: 790,
      y: top + i * (NODE_H + 10),
      w: 195,
      h: NODE_H,
    };
    groups.push(g);
    boxes.push(
      {
        id: `kubelet/${node}`,
        label: 'kubelet',
        x: g.x + 8,
        y: g.y + 24,
        w: 84,
        h: 24,
        group: g.id,
      },
      {
        id: `containerd/${node}`,
        label: 'containerd',
        x: g.x + 100,
        y: g.y + 24,
        w: 88,
        h: 24,
        group: g.id,
      },
      {
        id: `kube-proxy/${node}`,
        label: 'kube-proxy',
        x: g.x + 8,
        y: g.y + 54,
        w: 84,
        h: 22,
        group: g.id,
        idle: true,
      },
    );
  });
  const more = nodes.length - shown.length;
  if (more > 0) {
    const y = top + shown.length * (NODE_H + 10);
    boxes.push({ id: 'more-nodes', label: `${more} more nodes`, x: 790, y, w: 195, h: 44 });
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
