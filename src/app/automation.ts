import { clusterModel } from './views/Cluster/model';
import type { SessionController } from './session/controller';

// window.wheelhouse: the small automation API for course pages and tests. It is the same session
// the terminal and the buttons drive, so what it does is what a student could do.

/** What state() reports: the cluster as of the playhead, in kubectl's words. */
export interface WheelhouseState {
  /** Virtual ms at the playhead. */
  time: number;
  /** Messages shown so far (counted from the end of boot). */
  hops: number;
  playing: boolean;
  speed: number;
  nodes: { name: string; status: string; pods: number }[];
  pods: { name: string; namespace: string; status: string; ready: string; node: string | null }[];
}

/** The API on window.wheelhouse. */
export interface WheelhouseApi {
  /** Runs a kubectl (or sim) command line and resolves with its output. */
  kubectl(cmd: string): Promise<string>;
  /** Applies YAML as `kubectl apply -f -` does. */
  apply(yaml: string): Promise<string>;
  /** Runs virtual time forward by ms and shows its end. */
  advance(ms: number): Promise<void>;
  /** Returns the cluster as of the playhead. */
  state(): WheelhouseState;
}

/** Builds the automation API over a session. */
export function automationApi(session: SessionController): WheelhouseApi {
  return {
    kubectl: (cmd) => session.run(cmd),
    apply: (yaml) => session.apply(yaml),
    advance: (ms) => session.advance(ms),
    state() {
      const s = session.store.getState();
      const model = clusterModel(session.world.at(s.position.done), s.position.t);
      const tiles = [...model.nodes.flatMap((n) => n.tiles), ...model.pending];
      return {
        time: s.position.t,
        hops: Math.max(0, s.position.done - s.bootHops),
        playing: s.playing,
        speed: s.speed,
        nodes: model.nodes.map((n) => ({ name: n.name, status: n.status, pods: n.pods.used })),
        pods: tiles.map((p) => ({
          name: p.name,
          namespace: p.namespace,
          status: p.status,
          ready: p.ready,
          node: p.node ?? null,
        })),
      };
    },
  };
}

declare global {
  interface Window {
    wheelhouse?: WheelhouseApi;
  }
}
