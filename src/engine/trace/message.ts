// The trace: every hop between components, what the views animate and what explains causality.

/** What kind of hop a message is. */
export type MessageType =
  /** A client's API request to the apiserver, or the apiserver's request to etcd. */
  | 'request'
  /** The answer to a request, carrying the status code. */
  | 'response'
  /** A watch event pushed to a watcher (verb ADDED, MODIFIED, DELETED, BOOKMARK, ERROR). */
  | 'watch'
  /** A call from a kubelet to its container runtime (CRI). */
  | 'cri';

/** One hop: what the UI animates as a packet moving along an edge. */
export interface TraceMessage {
  id: number;
  /** Virtual ms when the message was sent. */
  t: number;
  /** Virtual ms when it arrives. */
  arrive: number;
  from: string;
  to: string;
  type: MessageType;
  /** HTTP verb for requests (GET, LIST, WATCH, POST, PUT, PATCH, DELETE), etcd op, watch type. */
  verb: string;
  /** Resource or subresource path segment, e.g. "pods", "pods/binding", "deployments/status". */
  resource?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  /** resourceVersion of the object carried, or of the list. */
  rv?: string;
  /** Status code, for responses. */
  code?: number;
  /** The message whose handling sent this one; null for a user's command. */
  cause: number | null;
  /** The kubectl command line that started this chain, for root messages. */
  command?: string;
  /** The object or request carried; kept in memory for inspection, not written to trace files. */
  body?: unknown;
}

/** The fields written to a JSON Lines trace file, in a stable order. */
export const TRACE_FILE_FIELDS = [
  'id',
  't',
  'arrive',
  'from',
  'to',
  'type',
  'verb',
  'resource',
  'kind',
  'namespace',
  'name',
  'rv',
  'code',
  'cause',
  'command',
] as const;

/** Serialises one message as a JSON Lines record without its in-memory body. */
export function toJsonLine(m: TraceMessage): string {
  const out: Record<string, unknown> = {};
  for (const f of TRACE_FILE_FIELDS) {
    const v = m[f];
    if (v !== undefined) out[f] = v;
  }
  return JSON.stringify(out);
}
