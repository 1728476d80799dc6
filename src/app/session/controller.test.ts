import { describe, expect, it } from 'vitest';
import { localRemote } from '../engine/remote';
import { createPlaybackStore } from '../state/playback';
import { EngineHost } from '../worker/host';
import { SessionController } from './controller';

async function session(): Promise<SessionController> {
  const c = new SessionController(localRemote(new EngineHost()), createPlaybackStore());
  await c.start({ seed: 3, nodes: 3 });
  return c;
}

/** Plays frames of 16 ms until pred holds, letting engine extensions resolve in between. */
async function playUntil(c: SessionController, pred: () => boolean, speed = 10): Promise<void> {
  c.setSpeed(speed);
  c.play();
  for (let i = 0; i < 20_000 && !pred(); i++) {
    c.tick(16);
    await new Promise((r) => setImmediate(r));
  }
  expect(pred()).toBe(true);
}

function runningPods(c: SessionController): number {
  const objects = c.world.at(c.store.getState().position.done);
  return [...objects.values()].filter(
    (o) =>
      o.key.startsWith('/registry/pods/') &&
      (o.object.status as { phase?: string }).phase === 'Running',
  ).length;
}

describe('SessionController', () => {
  it('plays a deployment to 3 Running pods, hop by hop', async () => {
    const c = await session();
    expect(await c.kubectl('kubectl create deployment web --image=nginx --replicas=3')).toBe(
      'deployment.apps/web created\n',
    );
    expect(runningPods(c)).toBe(0);
    await playUntil(c, () => runningPods(c) === 3);
  });

  it('steps forward and back through moments', async () => {
    const c = await session();
    await c.kubectl('kubectl create deployment web --image=nginx');
    await c.step();
    const first = c.store.getState().position.done;
    await c.step();
    expect(c.store.getState().position.done).toBeGreaterThan(first);
    c.stepBack();
    expect(c.store.getState().position.done).toBe(first);
    expect(c.store.getState().rewound).toBe(true);
  });

  it('forks when the student acts in the past: the future is discarded', async () => {
    const c = await session();
    const startX = c.store.getState().startX;
    await c.kubectl('kubectl create deployment web --image=nginx --replicas=2');
    await playUntil(c, () => runningPods(c) === 2);
    c.seek(startX);
    expect(runningPods(c)).toBe(0);
    expect(await c.kubectl('kubectl get deployments')).toBe(
      'No resources found in default namespace.\n',
    );
    const { ops } = c.log();
    expect(ops).toEqual((await c.engine.log()).ops);
    expect(
      ops.filter((o) => o.op === 'kubectl').map((o) => (o.op === 'kubectl' ? o.line : '')),
    ).toEqual(['kubectl get deployments']);
  });

  it('advance runs virtual time and shows its end', async () => {
    const c = await session();
    await c.kubectl('kubectl create deployment web --image=nginx --replicas=2');
    await c.advance(10_000);
    expect(runningPods(c)).toBe(2);
    expect(c.store.getState().x).toBe(c.store.getState().endX);
    expect(c.log().ops).toEqual((await c.engine.log()).ops);
  });
});
