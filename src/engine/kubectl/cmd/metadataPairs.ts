import type { KubeObject } from '../../api/object';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { KubectlError } from '../errors';
import {
  ALL_NAMESPACES_FLAG,
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAGS,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  fieldManagerFlag,
} from '../flags/common';
import type { FlagSpec } from '../flags/types';
import { boolFlag, stringFlag } from '../flags/types';
import { goJson } from '../manifest/goJson';
import type { Info } from '../resource/info';
import type { CommandContext } from './context';
import type { DryRun } from './options';
import { printResult } from './options';

// What kubectl label and kubectl annotate share (cmdutil.GetResourcesAndPairs, and the
// compute-then-merge-patch loop of label.go and annotate.go).

/** The flags of label and annotate, which differ only in their field manager's name. */
export function metadataCommandFlags(fieldManager: string): FlagSpec[] {
  return [
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    DRY_RUN_FLAG,
    boolFlag('overwrite'),
    boolFlag('list'),
    boolFlag('local'),
    boolFlag('all'),
    stringFlag('resource-version'),
    boolFlag('record'),
    fieldManagerFlag(fieldManager),
  ];
}

/** Splits arguments into resources and key=value / key- pairs; pairs must come last. */
export function resourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0)
      throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** What cmdutil.ParsePairs makes of key=value (and, where removal is allowed, key-) pairs. */
export interface Pairs {
  add: Record<string, string>;
  remove: string[];
}

/** Parses pairs as cmdutil.ParsePairs; anything else is "invalid <pairType> format: a, b". */
export function parsePairs(
  pairs: readonly string[],
  pairType: string,
  supportRemove: boolean,
): Pairs {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) add[p.slice(0, eq)] = p.slice(eq + 1);
    else if (supportRemove && p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length > 0)
    throw new KubectlError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { add, remove };
}

/** Returns the map field (labels or annotations) an object has. */
export function metadataMap(
  obj: KubeObject,
  field: 'labels' | 'annotations',
): Record<string, string> {
  return { ...(obj.metadata?.[field] ?? {}) };
}

/** Returns a copy of obj with the map field replaced (set to {} when it was absent, as Go does). */
export function withMetadataMap(
  obj: KubeObject,
  field: 'labels' | 'annotations',
  values: Record<string, string>,
  resourceVersion: string,
): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  const meta = (copy.metadata ??= {});
  meta[field] = values;
  if (resourceVersion !== '') meta.resourceVersion = resourceVersion;
  return copy;
}

/** Builds the JSON merge patch between two versions of an object's metadata map. */
export function metadataPatch(
  before: KubeObject,
  after: KubeObject,
  field: 'labels' | 'annotations',
  resourceVersion: string,
): Record<string, unknown> {
  const old = before.metadata?.[field];
  const next = after.metadata?.[field] ?? {};
  let diff: Record<string, string | null> = {};
  if (old === undefined) diff = { ...next };
  else {
    for (const [k, v] of Object.entries(next)) if (old[k] !== v) diff[k] = v;
    for (const k of Object.keys(old)) if (!(k in next)) diff[k] = null;
  }
  const meta: Record<string, unknown> = {};
  if (old === undefined || Object.keys(diff).length > 0) meta[field] = diff;
  if (resourceVersion !== '') meta.resourceVersion = resourceVersion;
  return Object.keys(meta).length > 0 ? { metadata: meta } : {};
}

/** Reports whether Go would see the object changed, and whether it shrank, by its JSON. */
export function jsonChange(
  before: KubeObject,
  after: KubeObject,
): { changed: boolean; shorter: boolean } {
  const a = goJson(before);
  const b = goJson(after);
  return { changed: a !== b, shorter: b.length < a.length };
}

/** Sends a metadata merge patch (or not, on a client dry run) and prints the outcome. */
export function* patchAndPrint(
  ctx: CommandContext,
  info: Info,
  updated: KubeObject,
  patch: Record<string, unknown>,
  operation: string,
  dry: DryRun,
): Task<void> {
  if (dry !== 'client') {
    const res = yield* request({
      verb: 'patch',
      resource: info.resource.resource,
      namespace: info.namespace,
      name: info.name,
      body: patch,
      patchType: 'merge',
      dryRun: dry === 'server',
      fieldManager: ctx.flags.str('field-manager'),
    });
    if (res.error) throw new StatusError(res.error);
  }
  printResult(ctx, info, updated, operation, dry);
}
