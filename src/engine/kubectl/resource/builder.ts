import type { ResourceInfo } from '../../api/resources';
import { KubectlError } from '../errors';
import { expandCategories, resolveType } from './resolve';

// The argument half of cli-runtime's resource.Builder (builder.go ResourceTypeOrNameArgs and
// visitorResult): "pods", "pods web db", "pods,deploy web", "pod/web deploy/api", "all", with
// -l/--field-selector/--all, each combination checked with the builder's own error messages.

/** Explains a command given nothing to act on (the builder's missingResourceError). */
export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** What a command asked for besides files. */
export interface BuilderSpec {
  args: readonly string[];
  /** Whether a lone type lists everything (get) or needs a name (delete). */
  allowEmptySelector: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  selectAll?: boolean;
  namespace: string;
  allNamespaces?: boolean;
  /** -f was given. */
  hasFiles?: boolean;
  singleResourceType?: boolean;
}

/** Something to fetch: a list (by selector) or one named object. */
export type Target =
  | {
      kind: 'list';
      resource: ResourceInfo;
      namespace?: string;
      labelSelector: string;
      fieldSelector: string;
    }
  | { kind: 'name'; resource: ResourceInfo; namespace?: string; name: string };

/** What the arguments resolve to. */
export interface Plan {
  targets: Target[];
  /** Exactly one object was named (the builder's singleItemImplied). */
  singleItemImplied: boolean;
  /** The objects come from -f files. */
  fromFiles: boolean;
}

interface Parsed {
  resources: string[];
  names: string[];
  tuples: { resource: string; name: string }[];
  labelSelector?: string;
  fieldSelector?: string;
}

/** Resolves a command's resource arguments; throws KubectlError with the builder's messages. */
export function planTargets(spec: BuilderSpec): Plan {
  const p = parseArgs(spec);
  if (spec.hasFiles) return planFiles(p);
  if (p.labelSelector !== undefined || p.fieldSelector !== undefined) return planSelector(spec, p);
  if (p.tuples.length > 0) return planTuples(spec, p);
  if (p.names.length > 0) return planNames(spec, p);
  if (p.resources.length > 0) {
    p.resources.forEach(resolveType);
    throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  throw new KubectlError(MISSING_RESOURCE);
}

function selectorParam(s: string | undefined): string | undefined {
  const t = s?.trim() ?? '';
  return t === '' ? undefined : t;
}

function parseArgs(spec: BuilderSpec): Parsed {
  const p: Parsed = {
    resources: [],
    names: [],
    tuples: [],
    labelSelector: selectorParam(spec.labelSelector),
    fieldSelector: selectorParam(spec.fieldSelector),
  };
  if (spec.selectAll) {
    if (p.labelSelector !== undefined || p.fieldSelector !== undefined) {
      throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
    }
    p.labelSelector = '';
  }
  const args = normalizeMultiple(spec.args);
  if (combinedTypeArgs(args)) {
    p.tuples = args.map(splitTypeName);
    return p;
  }
  if (args.length === 0) return p;
  p.resources = splitList(expandCategories(args[0] as string));
  p.names = args.slice(1);
  if (args.length === 1 && p.labelSelector === undefined && spec.allowEmptySelector)
    p.labelSelector = '';
  return p;
}

function splitList(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

// "a,b c d" means a/c a/d b/c b/d (normalizeMultipleResourcesArgs).
function normalizeMultiple(args: readonly string[]): string[] {
  if (args.length < 2) return [...args];
  const types = splitList(args[0] as string);
  if (types.length < 2) return [...args];
  return types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`));
}

function combinedTypeArgs(args: readonly string[]): boolean {
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed === 0) return false;
  if (slashed === args.length) return true;
  throw new KubectlError(
    "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
  );
}

function splitTypeName(s: string): { resource: string; name: string } {
  const seg = s.split('/');
  if (seg.length !== 2)
    throw new KubectlError('arguments in resource/name form may not have more than one slash');
  const [resource, name] = seg as [string, string];
  if (resource === '' || name === '' || resource.split(',').length !== 1) {
    throw new KubectlError('arguments in resource/name form must have a single resource and name');
  }
  return { resource, name };
}

function planFiles(p: Parsed): Plan {
  if (p.resources.length > 0) {
    throw new KubectlError(
      'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  }
  if (p.names.length > 0)
    throw new KubectlError('name cannot be provided when a path is specified');
  if (p.tuples.length > 0) {
    throw new KubectlError('resource/name arguments cannot be provided when a path is specified');
  }
  return { targets: [], singleItemImplied: false, fromFiles: true };
}

function uniqueMappings(types: readonly string[], single?: boolean): ResourceInfo[] {
  if (single && types.length > 1)
    throw new KubectlError('you may only specify a single resource type');
  const out: ResourceInfo[] = [];
  for (const t of types) {
    const r = resolveType(t);
    if (!out.includes(r)) out.push(r);
  }
  return out;
}

function planSelector(spec: BuilderSpec, p: Parsed): Plan {
  if (p.names.length > 0)
    throw new KubectlError('name cannot be provided when a selector is specified');
  if (p.tuples.length > 0) {
    throw new KubectlError(
      'selectors and the all flag cannot be used when passing resource/name arguments',
    );
  }
  if (p.resources.length === 0)
    throw new KubectlError('at least one resource must be specified to use a selector');
  const targets: Target[] = uniqueMappings(p.resources, spec.singleResourceType).map(
    (resource) => ({
      kind: 'list',
      resource,
      namespace: resource.namespaced && !spec.allNamespaces ? spec.namespace : undefined,
      labelSelector: p.labelSelector ?? '',
      fieldSelector: p.fieldSelector ?? '',
    }),
  );
  return { targets, singleItemImplied: false, fromFiles: false };
}

function namedNamespace(spec: BuilderSpec, resource: ResourceInfo): string | undefined {
  if (!resource.namespaced) return undefined;
  if (spec.allNamespaces)
    throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  return spec.namespace;
}

function planTuples(spec: BuilderSpec, p: Parsed): Plan {
  const byType = new Map<string, ResourceInfo>();
  for (const t of p.tuples)
    if (!byType.has(t.resource)) byType.set(t.resource, resolveType(t.resource));
  if (spec.singleResourceType && new Set(byType.values()).size > 1) {
    throw new KubectlError('you may only specify a single resource type');
  }
  const targets: Target[] = p.tuples.map((t) => {
    const resource = byType.get(t.resource) as ResourceInfo;
    return { kind: 'name', resource, namespace: namedNamespace(spec, resource), name: t.name };
  });
  return { targets, singleItemImplied: targets.length === 1, fromFiles: false };
}

function planNames(spec: BuilderSpec, p: Parsed): Plan {
  if (p.resources.length === 0)
    throw new KubectlError('you must provide a resource and a resource name together');
  if (p.resources.length > 1) throw new KubectlError('you must specify only one resource');
  const resource = resolveType(p.resources[0] as string);
  const namespace = namedNamespace(spec, resource);
  const targets: Target[] = p.names.map((name) => ({ kind: 'name', resource, namespace, name }));
  return { targets, singleItemImplied: targets.length === 1, fromFiles: false };
}
