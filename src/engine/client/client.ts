import type { KubeObject } from '../api/object';
import { resourceByName } from '../api/resources';
import type { ApiServer } from '../apiserver/apiserver';
import { APISERVER } from '../apiserver/apiserver';
import type { ErrorStatus } from '../apiserver/errors';
import type { ApiRequest, ApiResponse, WatchEvent } from '../apiserver/types';
import { httpMethod } from '../apiserver/types';
import type { EventLoop, Timer } from '../clock/eventLoop';
import type { Network } from '../trace/network';

// A component's connection to the apiserver, like client-go's REST client.
//   [CLI1] every request, response and watch event travels the simulated network as a traced hop.
//   [CLI2] while the component cannot reach the apiserver (a network partition) nothing it sends
//          arrives: no hop is recorded, and each request fails REQUEST_TIMEOUT_MS after it was
//          sent, as the kubelet's heartbeat client gives up after nodeStatusUpdateFrequency.
//   [CLI3] a partition breaks every open watch; its owner hears of it REQUEST_TIMEOUT_MS later
//          (a dead connection is only noticed when it times out) and must watch again.
//   [CLI4] a watch delay holds every watch event back by that long; a stream keeps its order.

/** How long a request to an unreachable apiserver waits before failing, in virtual ms. [CLI2] */
export const REQUEST_TIMEOUT_MS = 10_000;

/** An open watch. */
export interface WatchHandle {
  stop(): void;
}

/** One watch stream, as the client tracks it. */
interface Stream {
  closed: boolean;
  /** Closes the apiserver's side. */
  close?: () => void;
  /** The pending notice that the stream broke. */
  notice?: Timer;
  /** Virtual time the last event arrives, so a later one never overtakes it. [CLI4] */
  lastArrive: number;
  onBroken?: () => void;
}

/** A component's connection to the apiserver. [CLI1] */
export class Client {
  /** The command line being run, stamped on requests so a chain can be traced to what was typed. */
  command: string | undefined;
  private reachable = true;
  private watchDelayMs = 0;
  private readonly streams = new Set<Stream>();

  constructor(
    readonly component: string,
    private readonly network: Network,
    private readonly api: ApiServer,
  ) {}

  /** Reports whether the apiserver can be reached. */
  isReachable(): boolean {
    return this.reachable;
  }

  /** Cuts the link to the apiserver or restores it; cutting it breaks every open watch. [CLI3] */
  setReachable(reachable: boolean): void {
    this.reachable = reachable;
    if (reachable) return;
    const now = this.loop.now();
    for (const s of [...this.streams]) this.breakStream(s, now);
  }

  /** Returns how long watch events to this component are held back, in virtual ms. */
  watchDelay(): number {
    return this.watchDelayMs;
  }

  /** Holds every watch event delivered from now on back by ms (0 clears it). [CLI4] */
  setWatchDelay(ms: number): void {
    this.watchDelayMs = Math.max(0, ms);
  }

  /** Returns the event loop the client's messages travel on, for retries and back-offs. */
  get loop(): EventLoop {
    return this.network.loop;
  }

  /** Sends a request; cb runs with the response, or with a timeout if the link is down. [CLI2] */
  request(req: ApiRequest, cb: (res: ApiResponse) => void): void {
    const sentAt = this.loop.now();
    if (!this.reachable) return this.lose(req, sentAt, cb);
    // The hops are literals in the order a spread of the label made them, so a message keeps
    // its fields and their order; a spread here cost a slow copy per hop.
    const label = describe(req);
    const verb = httpMethod(req);
    this.network.send(
      {
        resource: label.resource,
        kind: label.kind,
        namespace: label.namespace,
        name: label.name,
        from: this.component,
        to: APISERVER,
        type: 'request',
        verb,
        body: req,
        command: this.command,
      },
      () => {
        if (!this.reachable) return this.lose(req, sentAt, cb);
        let answered = false;
        this.api.serve(req, (res) => {
          const body = res.body as KubeObject | undefined;
          this.network.send(
            {
              resource: label.resource,
              kind: label.kind,
              namespace: label.namespace,
              name: label.name,
              from: APISERVER,
              to: this.component,
              type: 'response',
              verb,
              code: res.code,
              rv: body?.metadata?.resourceVersion,
              body: res.body ?? res.error,
            },
            () => {
              if (!this.reachable) return this.lose(req, sentAt, cb);
              if (answered) return;
              answered = true;
              cb(res);
            },
          );
        });
      },
    );
  }

  /** Answers a request that got no answer with a timeout, REQUEST_TIMEOUT_MS after it was sent. */
  private lose(req: ApiRequest, sentAt: number, cb: (res: ApiResponse) => void): void {
    this.at(sentAt + REQUEST_TIMEOUT_MS, () => cb(timeoutResponse(req)));
  }

  /**
   * Opens a watch; each event is a hop from the apiserver. onBroken runs if the stream breaks or
   * cannot be opened (never after stop()); the caller decides how to watch again. [CLI3]
   */
  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void, onBroken?: () => void): WatchHandle {
    const stream: Stream = { closed: false, lastArrive: 0, onBroken };
    const handle = {
      stop: () => {
        stream.notice?.cancel();
        this.end(stream);
      },
    };
    this.streams.add(stream);
    if (!this.reachable) {
      this.breakStream(stream, this.loop.now());
      return handle;
    }
    const label = describe(req);
    this.network.send(
      {
        resource: label.resource,
        kind: label.kind,
        namespace: label.namespace,
        name: label.name,
        from: this.component,
        to: APISERVER,
        type: 'request',
        verb: 'WATCH',
        body: req,
        command: this.command,
      },
      () => {
        if (stream.closed) return;
        stream.close = this.api.watch(req, (e) => this.deliver(stream, req, e, onEvent));
      },
    );
    return handle;
  }

  private deliver(
    stream: Stream,
    req: ApiRequest,
    e: WatchEvent,
    onEvent: (e: WatchEvent) => void,
  ): void {
    const obj = e.object as KubeObject;
    const msg = this.network.send(
      {
        from: APISERVER,
        to: this.component,
        type: 'watch',
        verb: e.type,
        resource: req.resource,
        kind: e.type === 'ERROR' ? 'Status' : obj.kind,
        namespace: obj.metadata?.namespace,
        name: obj.metadata?.name,
        rv: obj.metadata?.resourceVersion,
        body: e.object,
      },
      () => {
        if (!stream.closed) onEvent(e);
      },
      { extraDelay: this.watchDelayMs, notBefore: stream.lastArrive },
    );
    stream.lastArrive = msg.arrive;
  }

  /** Closes a stream at both ends and tells its owner REQUEST_TIMEOUT_MS after since. [CLI3] */
  private breakStream(stream: Stream, since: number): void {
    this.end(stream);
    if (stream.onBroken) stream.notice = this.at(since + REQUEST_TIMEOUT_MS, stream.onBroken);
  }

  private end(stream: Stream): void {
    stream.closed = true;
    stream.close?.();
    stream.close = undefined;
    this.streams.delete(stream);
  }

  /** Runs fn at a virtual time, as a wait rather than work. */
  private at(time: number, fn: () => void): Timer {
    return this.loop.schedule(time - this.loop.now(), fn, { background: true });
  }
}

/** Returns what client-go reports when a request gets no answer in time. [CLI2] */
function timeoutResponse(req: ApiRequest): ApiResponse {
  const method = httpMethod(req);
  const verb = method === 'LIST' || method === 'WATCH' ? 'GET' : method;
  const go = verb.charAt(0) + verb.slice(1).toLowerCase();
  const error: ErrorStatus = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    reason: 'Timeout',
    code: 0,
    message: `${go} "https://${APISERVER}:6443${requestPath(req)}": context deadline exceeded`,
  };
  return { code: 0, error };
}

/** Returns the REST path of a request: /api/v1/namespaces/default/pods/web/status. */
function requestPath(req: ApiRequest): string {
  const info = resourceByName(req.resource);
  const body = req.body as KubeObject | undefined;
  const root = !info?.group ? '/api/v1' : `/apis/${info.group}/${info.version}`;
  const namespace = req.namespace ?? body?.metadata?.namespace;
  const parts = [root];
  if (info?.namespaced && namespace) parts.push('namespaces', namespace);
  parts.push(req.resource);
  if (req.name) parts.push(req.name);
  if (req.subresource) parts.push(req.subresource);
  return parts.join('/');
}

function describe(req: ApiRequest): {
  resource: string;
  kind?: string;
  namespace?: string;
  name?: string;
} {
  const body = req.body as KubeObject | undefined;
  const info = resourceByName(req.resource);
  return {
    resource: req.subresource ? `${req.resource}/${req.subresource}` : req.resource,
    kind: info?.kind,
    namespace: info?.namespaced ? (req.namespace ?? body?.metadata?.namespace) : undefined,
    name: req.name ?? body?.metadata?.name ?? body?.metadata?.generateName,
  };
}
