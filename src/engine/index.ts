// The engine's public surface for the app: what views may import from the engine.

export type { KubeObject } from './api/object';
export type { Deployment, Event, Node, Pod, ReplicaSet } from './api/types';
export { allResources } from './api/resources';
export { rfc3339 } from './clock/time';
export { nodeTable } from './kubectl/printers/node';
export { podTable } from './kubectl/printers/pod';
export type { TraceMessage } from './trace/message';
export { nodeAllocatable, podRequests } from './scheduler/framework/resource';
export { formatBytes, formatMilliCpu } from './api/quantity';
