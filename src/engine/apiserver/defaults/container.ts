import type { Container, Probe } from '../../api/types';
import { canonicalizeResourceList } from './quantities';

// Container defaults (pkg/apis/core/v1/defaults.go: SetDefaults_Container, SetDefaults_Probe,
// SetDefaults_HTTPGetAction, SetDefaults_ObjectFieldSelector, and the declarative
// `+default="TCP"` on container ports).

/** The termination message path every container gets (v1.TerminationMessagePathDefault). */
export const TERMINATION_MESSAGE_PATH = '/dev/termination-log';

/**
 * Returns the tag of an image reference as parsers.ParseImageName does: "latest" when the
 * reference names neither a tag nor a digest, "" when it names only a digest.
 */
export function imageTag(image: string): string {
  // An empty reference fails to parse, and upstream then sees no tag at all.
  if (image === '') return '';
  const [name = '', digest] = image.split('@');
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : '';
  if (tag === '' && digest === undefined) return 'latest';
  return tag;
}

type HttpGet = { path?: string; scheme?: string };

/** Defaults an httpGet action: path "/" and scheme HTTP. */
export function defaultHttpGet(action: HttpGet | undefined): void {
  if (!action) return;
  action.path ||= '/';
  action.scheme ||= 'HTTP';
}

/** Defaults a probe: timeout 1s, period 10s, success 1, failure 3, and its httpGet. */
export function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ||= 1;
  probe.periodSeconds ||= 10;
  probe.successThreshold ||= 1;
  probe.failureThreshold ||= 3;
  defaultHttpGet(probe.httpGet);
}

/** Defaults one container in place. */
export function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy)
    c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= TERMINATION_MESSAGE_PATH;
  c.terminationMessagePolicy ||= 'File';
  for (const port of c.ports ?? []) port.protocol ||= 'TCP';
  // ResourceRequirements is a struct, not a pointer: it always serializes, as "resources: {}".
  c.resources ??= {};
  canonicalizeResourceList(c.resources.limits as Record<string, string> | undefined);
  canonicalizeResourceList(c.resources.requests as Record<string, string> | undefined);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHttpGet(c.lifecycle?.postStart?.httpGet);
  defaultHttpGet(c.lifecycle?.preStop?.httpGet);
  for (const env of c.env ?? [])
    if (env.valueFrom?.fieldRef) env.valueFrom.fieldRef.apiVersion ||= 'v1';
}
