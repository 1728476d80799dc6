import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { defaultTable, type Column, type TableDef } from './columns';
import { eventTable } from './event';
import { formatLabels } from './format';
import { nodeTable } from './node';
import { podTable } from './pod';
import { leaseTable, namespaceTable, priorityClassTable } from './simpleTables';
import { GET_TABWRITER, tabwrite } from './tabwriter';
import { deploymentTable, replicaSetTable } from './workloads';

// kubectl get's human-readable output: the resource's table, decorated as
// cli-runtime/pkg/printers/tableprinter.go decorateTable does (NAMESPACE first for -A, kind
// prefix on the name column, -L label columns, LABELS last), then aligned by the tabwriter.

/** The flags of kubectl get that shape a table. */
export interface TableOptions {
  /** Virtual ms. */
  now: number;
  /** -o wide */
  wide: boolean;
  /** --show-labels */
  showLabels: boolean;
  /** -L a,b */
  labelColumns: string[];
  /** -A / --all-namespaces adds NAMESPACE first. */
  withNamespace: boolean;
  /** Names printed as "pod/web" (get all, multiple types). */
  withKind: boolean;
  /** --no-headers */
  noHeaders: boolean;
}

const tables: Readonly<Record<string, TableDef>> = {
  Pod: podTable,
  Node: nodeTable,
  Namespace: namespaceTable,
  Event: eventTable,
  ReplicaSet: replicaSetTable,
  Deployment: deploymentTable,
  Lease: leaseTable,
  PriorityClass: priorityClassTable,
};

/** Returns the table handler for a kind, or kubectl's NAME/AGE fallback. */
function tableFor(kind: string): TableDef {
  return tables[kind] ?? defaultTable;
}

/** Returns "kind.group" lower-cased, as schema.GroupKind.String() then strings.ToLower. */
export function groupKind(resource: ResourceInfo): string {
  const gk = resource.group === '' ? resource.kind : `${resource.kind}.${resource.group}`;
  return gk.toLowerCase();
}

/** Renders one resource's table; '' for no items. Ends with a newline when non-empty. */
export function printTable(
  resource: ResourceInfo,
  items: readonly KubeObject[],
  opts: TableOptions,
): string {
  // Headers are not printed for an empty table (printTable: "avoid printing headers if we have no
  // rows to display").
  if (items.length === 0) return '';
  const def = tableFor(resource.kind);
  // kubectl get never adds NAMESPACE to cluster-scoped resources, even with -A.
  const withNamespace = opts.withNamespace && resource.namespaced;
  const columns: Column[] = [
    ...(withNamespace ? [{ name: 'Namespace', priority: 0 as const }] : []),
    ...def.columns,
    ...opts.labelColumns.map((key) => ({ name: labelHeader(key), priority: 0 as const })),
    ...(opts.showLabels ? [{ name: 'Labels', priority: 0 as const }] : []),
  ];
  const nameIndex = columns.findIndex((c) => c.isName);
  const rows = items.map((obj) => {
    const cells = [
      ...(withNamespace ? [obj.metadata?.namespace ?? ''] : []),
      ...def.row(obj, opts.now),
      ...opts.labelColumns.map((key) => obj.metadata?.labels?.[key] ?? ''),
      ...(opts.showLabels ? [formatLabels(obj.metadata?.labels)] : []),
    ];
    if (opts.withKind && nameIndex >= 0) {
      cells[nameIndex] = `${groupKind(resource)}/${cells[nameIndex] ?? ''}`;
    }
    return cells;
  });
  const visible = columns.flatMap((c, i) => (opts.wide || c.priority === 0 ? [i] : []));
  const lines = opts.noHeaders
    ? []
    : [visible.map((i) => (columns[i] as Column).name.toUpperCase())];
  for (const cells of rows) lines.push(visible.map((i) => cleanCell(cells[i] ?? '')));
  return tabwrite(lines.map((l) => l.join('\t') + '\n').join(''), GET_TABWRITER);
}

// -L app.kubernetes.io/name prints the header NAME: the last path segment, upper-cased.
function labelHeader(key: string): string {
  return key.split('/').pop() ?? key;
}

// A cell is cut at its first line break and marked "..." (tableprinter appendCellValue); a tab
// would break the layout, so it is shown as a space.
function cleanCell(cell: string): string {
  const brk = cell.search(/[\f\n\r]/);
  const text = brk >= 0 ? `${cell.slice(0, brk)}...` : cell;
  return text.replace(/\t/g, ' ');
}
