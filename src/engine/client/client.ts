import type { KubeObject } from '../api/object';
import { resourceByName } from '../api/resources';
import type { ApiServer } from '../apiserver/apiserver';
import { APISERVER } from '../apiserver/apiserver';
import type { ApiRequest, ApiResponse, WatchEvent } from '../apiserver/types';
import { httpMethod } from '../apiserver/types';
import type { Network } from '../trace/network';

/** An open watch. */
export interface WatchHandle {
  stop(): void;
}

/** Decides whether a component can reach the apiserver right now (stopped, partitioned…). */
export type Reachability = (component: string) => boolean;

/**
 * A component's connection to the apiserver: every request and watch event travels the simulated
 * network as a traced hop, like client-go's REST client.
 */
export class Client {
  /** The command line being run, stamped on requests so a chain can be traced to what was typed. */
  command: string | undefined;

  constructor(
    readonly component: string,
    private readonly network: Network,
    private readonly api: ApiServer,
    private readonly reachable: Reachability = () => true,
  ) {}

  /** Sends a request; cb runs when the response arrives back (never, if the link is down). */
  request(req: ApiRequest, cb: (res: ApiResponse) => void): void {
    const label = describe(req);
    const command = this.command;
    this.network.send(
      {
        ...label,
        from: this.component,
        to: APISERVER,
        type: 'request',
        verb: httpMethod(req),
        body: req,
        command,
      },
      () => {
        if (!this.reachable(this.component)) return;
        this.api.serve(req, (res) => {
          const body = res.body as KubeObject | undefined;
          const rv = body?.metadata?.resourceVersion;
          this.network.send(
            {
              ...label,
              from: APISERVER,
              to: this.component,
              type: 'response',
              verb: httpMethod(req),
              code: res.code,
              rv,
              body: res.body ?? res.error,
            },
            () => {
              if (this.reachable(this.component)) cb(res);
            },
          );
        });
      },
    );
  }

  /** Opens a watch; each event is a hop from the apiserver. */
  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void): WatchHandle {
    let stopped = false;
    let close: (() => void) | undefined;
    const label = describe(req);
    const command = this.command;
    this.network.send(
      {
        ...label,
        from: this.component,
        to: APISERVER,
        type: 'request',
        verb: 'WATCH',
        body: req,
        command,
      },
      () => {
        if (stopped || !this.reachable(this.component)) return;
        close = this.api.watch(req, (e) => {
          const obj = e.object as KubeObject;
          this.network.send(
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
              if (!stopped && this.reachable(this.component)) onEvent(e);
            },
          );
        });
        if (stopped) close();
      },
    );
    return {
      stop: () => {
        stopped = true;
        close?.();
      },
    };
  }
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
