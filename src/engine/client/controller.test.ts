import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import { Engine } from '../engine';
import { Controller } from './controller';
import { Informer } from './informer';
import { call, sleep, type Task } from './task';

const NAME = 'test-controller';

/** A controller that logs each reconcile's start and end, with a wait and a GET in between. */
class LoggingController extends Controller {
  readonly log: string[] = [];
  private readonly pods: Informer;

  constructor(e: Engine) {
    super(NAME, e.deps(NAME));
    this.pods = new Informer(this.deps.client, { resource: 'pods' });
    this.pods.addHandlers({
      add: (p) => this.enqueue(p.metadata.name),
      update: (_old, p) => this.enqueue(p.metadata.name),
    });
  }

  protected informers(): Informer[] {
    return [this.pods];
  }

  protected *reconcile(key: string): Task<void> {
    this.log.push(`start ${key}`);
    yield* sleep(1000);
    yield* call({ verb: 'get', resource: 'pods', namespace: 'default', name: key });
    this.log.push(`done ${key}`);
  }
}

function setup(): { e: Engine; c: LoggingController } {
  const e = new Engine({ nodes: [] });
  const c = new LoggingController(e);
  c.start();
  e.runUntilIdle();
  return { e, c };
}

function create(e: Engine, name: string): void {
  const body: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  };
  e.request('kubectl', { verb: 'create', resource: 'pods', namespace: 'default', body });
}

const gets = (e: Engine): number =>
  e.trace.all().filter((m) => m.from === NAME && m.verb === 'GET').length;

describe('Controller stop and start', () => {
  it('does nothing while stopped and catches up by relisting when started [CTL1][CTL2]', () => {
    const { e, c } = setup();
    c.stop();
    create(e, 'a');
    e.runFor(5000);
    expect(c.log).toEqual([]);
    expect(c.snapshot().state).toBe('stopped');
    c.start();
    e.runFor(5000);
    expect(c.log).toEqual(['start a', 'done a']);
    expect(c.snapshot().state).toBe('idle');
  });

  it('abandons a reconcile in flight at the stop; the next run does it afresh [CTL1]', () => {
    const { e, c } = setup();
    create(e, 'a');
    e.runFor(500);
    expect(c.log).toEqual(['start a']);
    c.stop();
    e.runFor(5000);
    expect(gets(e)).toBe(0);
    c.start();
    e.runFor(5000);
    expect(c.log).toEqual(['start a', 'start a', 'done a']);
    expect(gets(e)).toBe(1);
    expect(c.snapshot().details?.reconciled).toBe(1);
  });

  it('starts and stops repeatedly without duplicate watches or handlers', () => {
    const { e, c } = setup();
    for (let i = 0; i < 3; i++) {
      c.stop();
      c.start();
    }
    e.runFor(5000);
    create(e, 'b');
    e.runFor(5000);
    expect(c.log).toEqual(['start b', 'done b']);
    expect(e.apiserver.watchCache('pods')?.watcherCount()).toBe(1);
  });
});
