import type { StoredObject } from './api/object';
import { ApiServer } from './apiserver/apiserver';
import { systemPriorityClasses } from './apiserver/registry/priorityclasses/system';
import type { ApiRequest, ApiResponse } from './apiserver/types';
import type { ClusterConfig } from './cluster';
import { clusterConfig } from './cluster';
import { Client } from './client/client';
import { EventRecorder, EventStamp } from './client/eventRecorder';
import { runTask, type Task } from './client/task';
import { EventLoop } from './clock/eventLoop';
import type { Component, ComponentDeps } from './component';
import { Rng } from './rng/rng';
import { MvccStore } from './store/mvcc';
import { Network } from './trace/network';
import { Trace } from './trace/trace';

/** The namespaces a new cluster has (the apiserver's bootstrap controller creates them). */
export const SYSTEM_NAMESPACES = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
] as const;

/** Builds a component; it takes its shared parts from engine.deps(<its trace name>). */
export type ComponentFactory = (engine: Engine) => Component;

/** A simulated cluster: clock, store, apiserver, components, trace. */
export class Engine {
  readonly config: ClusterConfig;
  readonly loop = new EventLoop();
  readonly rng: Rng;
  readonly trace: Trace;
  readonly network: Network;
  readonly store = new MvccStore<StoredObject>();
  readonly apiserver: ApiServer;
  private readonly components = new Map<string, Component>();
  private readonly clients = new Map<string, Client>();
  private readonly eventStamp = new EventStamp();

  constructor(partial: Partial<ClusterConfig> = {}, factories: readonly ComponentFactory[] = []) {
    this.config = clusterConfig(partial);
    this.rng = new Rng(this.config.seed);
    this.trace = new Trace(this.config.trace);
    this.network = new Network(this.loop, this.trace, this.config.latency);
    this.apiserver = new ApiServer(this.loop, this.rng, this.network, this.store, {
      watchCacheSize: this.config.watchCacheSize,
      freezeObjects: this.config.freezeObjects,
      compactionIntervalMs: 5 * 60 * 1000,
    });
    this.bootstrapNamespaces();
    this.bootstrapPriorityClasses();
    for (const make of factories) this.add(make);
    for (const c of this.components.values()) c.start();
    this.loop.runUntilIdle();
  }

  /** Returns the client a component uses to reach the apiserver. */
  client(component: string): Client {
    let c = this.clients.get(component);
    if (!c) {
      c = new Client(component, this.network, this.apiserver);
      this.clients.set(component, c);
    }
    return c;
  }

  /** Returns the shared parts a component is built from. */
  deps(component: string): ComponentDeps {
    const client = this.client(component);
    return {
      loop: this.loop,
      rng: this.rng,
      client,
      network: this.network,
      recorder: (source) => new EventRecorder(client, this.loop, source, this.eventStamp),
    };
  }

  /** Builds and registers a component (not started). */
  add(make: ComponentFactory): Component {
    const component = make(this);
    this.components.set(component.name, component);
    return component;
  }

  /** Returns a component by its trace name. */
  component(name: string): Component | undefined {
    return this.components.get(name);
  }

  /** Returns every component, in start order. */
  allComponents(): Component[] {
    return [...this.components.values()];
  }

  /** Runs a task as a client (e.g. kubectl) and drives the loop until it finishes. */
  run<T>(component: string, task: Task<T>, maxVirtualMs = 3_600_000): T {
    let finished = false;
    let failure: unknown;
    let result: T | undefined;
    runTask(task, this.client(component), this.loop, (error, value) => {
      finished = true;
      failure = error;
      result = value;
    });
    const deadline = this.loop.now() + maxVirtualMs;
    while (!finished && this.loop.now() <= deadline) if (!this.loop.step()) break;
    if (!finished)
      throw new Error(`${component} did not finish within ${maxVirtualMs / 1000}s of virtual time`);
    if (failure !== undefined) throw failure;
    return result as T;
  }

  /** Sends one request as a component and drives the loop until its answer arrives. */
  request(component: string, req: ApiRequest): ApiResponse {
    return this.run(
      component,
      (function* () {
        return (yield { type: 'call', req }) as ApiResponse;
      })(),
    );
  }

  /** Processes pending work until only waits (heartbeats, timers) remain. */
  runUntilIdle(): void {
    this.loop.runUntilIdle();
  }

  /** Advances virtual time by ms, processing everything due. */
  runFor(ms: number): void {
    this.loop.runFor(ms);
  }

  /** Runs until the next trace message is delivered (or the queue empties); returns whether one was. */
  stepMessage(): boolean {
    const before = this.trace.size();
    while (this.trace.size() === before) if (!this.loop.step()) return false;
    return true;
  }

  /** Cuts a component off from the apiserver (a network partition) or reconnects it. */
  setReachable(component: string, reachable: boolean): void {
    this.client(component).setReachable(reachable);
  }

  /** Holds every watch event delivered to a component back by ms (0 clears it). */
  setWatchDelay(component: string, ms: number): void {
    this.client(component).setWatchDelay(ms);
  }

  // The apiserver's post-start hook scheduling/bootstrap-system-priority-classes.
  private bootstrapPriorityClasses(): void {
    for (const body of systemPriorityClasses())
      this.apiserver.serve({ verb: 'create', resource: 'priorityclasses', body }, () => {});
  }

  private bootstrapNamespaces(): void {
    for (const name of SYSTEM_NAMESPACES) {
      this.apiserver.serve(
        {
          verb: 'create',
          resource: 'namespaces',
          body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
        },
        () => {},
      );
    }
  }
}
