import type { ResourceInfo } from '../../api/resources';
import { allResources, apiVersionOf } from '../../api/resources';
import { KubectlError } from '../errors';
import { OUTPUT_FLAG } from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import { GET_TABWRITER, tabwrite } from '../printers/tabwriter';
import type { CommandContext, CommandSpec } from './context';

// kubectl api-resources (staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go): the
// served resources sorted by group then name, in the v1.31 columns NAME SHORTNAMES APIVERSION
// NAMESPACED KIND (-o wide adds VERBS and CATEGORIES, -o name prints resource.group).

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
// Namespaces have no deletecollection verb in discovery.
const NAMESPACE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

/** kubectl api-resources. */
export const apiResourcesCommand: CommandSpec = {
  name: 'api-resources',
  use: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [
    OUTPUT_FLAG,
    boolFlag('no-headers'),
    stringFlag('api-group'),
    boolFlag('namespaced', undefined, true),
    { name: 'verbs', type: 'stringSlice' },
    stringFlag('sort-by'),
    boolFlag('cached'),
    { name: 'categories', type: 'stringSlice' },
  ],
  run: runApiResources,
};

function verbsOf(r: ResourceInfo): string[] {
  return r.resource === 'namespaces' ? NAMESPACE_VERBS : ALL_VERBS;
}

function selected(ctx: CommandContext): ResourceInfo[] {
  const { flags } = ctx;
  const sortBy = flags.str('sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') {
    throw new KubectlError(`--sort-by accepts only name or kind`);
  }
  const key = (r: ResourceInfo): string =>
    sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group;
  return allResources()
    .filter((r) => !flags.changed('api-group') || r.group === flags.str('api-group'))
    .filter((r) => !flags.changed('namespaced') || r.namespaced === flags.bool('namespaced'))
    .filter((r) => flags.list('verbs').every((v) => verbsOf(r).includes(v)))
    .filter((r) => flags.list('categories').every((c) => c === 'all' && r.inAll))
    .sort((a, b) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.resource < b.resource ? -1 : 1,
    );
}

function runApiResources(ctx: CommandContext): void {
  const output = ctx.flags.str('output');
  if (output !== '' && output !== 'wide' && output !== 'name') {
    throw new KubectlError(`--output ${output} is not available`);
  }
  const resources = selected(ctx);
  if (output === 'name') {
    ctx.out.out(
      resources.map((r) => (r.group ? `${r.resource}.${r.group}\n` : `${r.resource}\n`)).join(''),
    );
    return;
  }
  const wide = output === 'wide';
  const rows: string[] = [];
  if (!ctx.flags.bool('no-headers')) {
    rows.push(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}`);
  }
  for (const r of resources) {
    const base = `${r.resource}\t${r.shortNames.join(',')}\t${apiVersionOf(r)}\t${r.namespaced}\t${r.kind}`;
    rows.push(wide ? `${base}\t[${verbsOf(r).join(' ')}]\t${r.inAll ? 'all' : ''}` : base);
  }
  ctx.out.out(tabwrite(`${rows.join('\n')}\n`, GET_TABWRITER));
}
