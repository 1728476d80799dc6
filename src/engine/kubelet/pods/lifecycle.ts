import type { Container, Pod } from '../../api/types';
import type { Co } from '../coroutine';
import { runCo, wait } from '../coroutine';
import type { KubeletCore } from '../core';
import { containerEvent } from '../core';
import { PRESTOP_FAILED, Reason } from '../events';
import type { RuntimeContainer } from '../runtime/containerd';
import { podLabel } from './start';

// The preStop hook (executePreStopHook in kuberuntime_container.go, lifecycle/handlers.go), run
// after the Killing event and before StopContainer.
//   [HOOK1] exec runs the command in the container (a CRI ExecSync), httpGet asks the container's
//           server (only a refused connection fails it), sleep waits its seconds.
//   [HOOK2] the kubelet waits for the hook at most the grace period; the whole seconds it took
//           come off the grace period StopContainer gets (which is still at least 2 s).
//   [HOOK3] a failed hook records Warning FailedPreStopHook "PreStopHook failed" and the
//           container is stopped all the same.

/** Runs a container's preStop hook, if it has one; returns the whole seconds it took. [HOOK2] */
export function* runPreStop(
  k: KubeletCore,
  pod: Pod,
  c: RuntimeContainer,
  graceSeconds: number,
): Co<number> {
  const spec = (pod.spec?.containers ?? []).find((x) => x.name === c.name);
  const hook = spec?.lifecycle?.preStop;
  if (!spec || !hook || graceSeconds <= 0) return 0;
  const begin = k.loop.now();
  yield* wait<void>((resume) => {
    const deadline = k.loop.schedule(graceSeconds * 1000, resume, { background: true });
    runHook(k, pod, spec, c, hook, (succeeded) => {
      deadline.cancel();
      if (!succeeded)
        containerEvent(k, pod, c.name, 'Warning', Reason.FailedPreStopHook, PRESTOP_FAILED);
      resume();
    });
  });
  return Math.floor((k.loop.now() - begin) / 1000);
}

/** Runs one hook and reports whether it succeeded. [HOOK1] */
function runHook(
  k: KubeletCore,
  pod: Pod,
  spec: Container,
  c: RuntimeContainer,
  hook: NonNullable<NonNullable<Container['lifecycle']>['preStop']>,
  done: (succeeded: boolean) => void,
): void {
  const age = k.loop.now() - (c.startedAt ?? 0);
  if (hook.exec) {
    const exec = k.cri.execSync(podLabel(pod), c, hook.exec.command ?? []);
    return runCo(exec, k.alive, (r) => done(!r.error && r.code === 0));
  }
  if (hook.httpGet) {
    const port = hook.httpGet.port;
    const target =
      typeof port === 'number'
        ? port
        : (spec.ports?.find((p) => p.name === port)?.containerPort ?? Number(port));
    return done(c.plan.http(target, hook.httpGet.path ?? '/', age) !== undefined);
  }
  k.loop.schedule((hook.sleep?.seconds ?? 0) * 1000, () => done(true), { background: true });
}
