import { intValue } from '../../api/quantity';
import type { Container, Pod } from '../../api/types';
import { planProcess } from '../../images';
import type { Co } from '../coroutine';
import type { KubeletCore } from '../core';
import { containerEvent, fieldPath } from '../core';
import { ContainerReason, Reason, createdContainer, errorEvent, startedContainer } from '../events';
import type { RuntimeContainer, Sandbox } from '../runtime/containerd';
import type { PodWorker } from './worker';

// startContainer (pkg/kubelet/kuberuntime/kuberuntime_container.go): pull the image, create the
// container, start it, each step with its event.
//   [START1] a failed step records Warning Failed "Error: <reason>" and leaves the reason for the
//            container's Waiting state: ErrImagePull, ImagePullBackOff, RunContainerError…
//   [START2] a container's environment holds its env values, the pod's downward-API fields it
//            asks for, HOSTNAME and the kubernetes Service variables.

/** What starting a container achieved. */
export type StartOutcome =
  { ok: true; container: RuntimeContainer } | { ok: false; reason: string; message: string };

/** Returns the labels a CRI call about this pod carries. */
export function podLabel(pod: Pod): { namespace?: string; name?: string; uid?: string } {
  const m = pod.metadata ?? {};
  return { namespace: m.namespace, name: m.name, uid: m.uid };
}

/** Pulls, creates and starts one attempt of a container. [START1] */
export function* startContainer(
  k: KubeletCore,
  w: PodWorker,
  sandbox: Sandbox,
  spec: Container,
  attempt: number,
): Co<StartOutcome> {
  const pod = w.pod;
  const ensured = yield* k.images.ensure(pod, spec, fieldPath(pod, spec.name));
  if (!ensured.ok) {
    containerEvent(k, pod, spec.name, 'Warning', Reason.Failed, errorEvent(ensured.reason));
    return ensured;
  }
  const plan = planProcess({
    behaviour: ensured.image.variant.behaviour,
    command: spec.command,
    args: spec.args,
    env: containerEnv(pod, spec, sandbox, k.hostIP),
  });
  const limit = spec.resources?.limits?.memory;
  const c = yield* k.cri.createContainer(podLabel(pod), sandbox, {
    name: spec.name,
    attempt,
    image: { ...ensured.image.info, name: ensured.name },
    plan,
    memoryLimitBytes: limit === undefined ? undefined : intValue(limit),
    specImage: spec.image ?? '',
  });
  containerEvent(k, pod, spec.name, 'Normal', Reason.Created, createdContainer(spec.name));
  const err = yield* k.cri.startContainer(podLabel(pod), c);
  if (err !== undefined) {
    containerEvent(k, pod, spec.name, 'Warning', Reason.Failed, errorEvent(err));
    return { ok: false, reason: ContainerReason.RunContainerError, message: err };
  }
  containerEvent(k, pod, spec.name, 'Normal', Reason.Started, startedContainer(spec.name));
  k.pleg.changed(w.uid, c.startedAt ?? k.loop.now());
  k.runtime.collect(c.podUid, c.name);
  return { ok: true, container: c };
}

/** Builds a container's environment. [START2] */
export function containerEnv(
  pod: Pod,
  spec: Container,
  sandbox: Sandbox,
  hostIP: string,
): Record<string, string> {
  const env: Record<string, string> = {
    HOSTNAME: pod.metadata?.name ?? '',
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
  };
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.podIP': sandbox.ip,
    'status.hostIP': hostIP,
  };
  for (const e of spec.env ?? []) {
    const ref = e.valueFrom?.fieldRef?.fieldPath;
    const value = e.value ?? (ref !== undefined ? fields[ref] : undefined);
    if (value !== undefined) env[e.name] = value;
  }
  return env;
}
