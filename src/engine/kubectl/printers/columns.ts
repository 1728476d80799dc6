import type { KubeObject } from '../../api/object';
import { since } from './duration';

// The shape of a server-side table (metav1.Table): column definitions and one row of cells per
// object. The apiserver always generates the wide row (pkg/printers/storage TableConvertor passes
// Wide: true); kubectl drops the priority-1 columns unless -o wide.

/** One column of a table, as metav1.TableColumnDefinition. */
export interface Column {
  /** Title-case name; kubectl upper-cases it for the header. */
  name: string;
  /** 0 for default columns, 1 for -o wide only. */
  priority: 0 | 1;
  /** The column with Format "name", which --kind prefixing rewrites. */
  isName?: boolean;
}

/** A resource's table handler: its columns and how to fill one row. */
export interface TableDef {
  columns: readonly Column[];
  /** Returns every cell, wide ones included, as strings. */
  row(obj: KubeObject, now: number): string[];
}

/** Declares a default column. */
export function col(name: string): Column {
  return { name, priority: 0 };
}

/** Declares an -o wide column. */
export function wide(name: string): Column {
  return { name, priority: 1 };
}

/** The Name column every handler starts with (Format "name"). */
export const NAME: Column = { name: 'Name', priority: 0, isName: true };

/** The Age column: HumanDuration since metadata.creationTimestamp. */
export const AGE: Column = col('Age');

/** Returns an object's AGE cell. */
export function age(obj: KubeObject, now: number): string {
  return since(obj.metadata?.creationTimestamp, now);
}

/** The handler kubectl falls back to for kinds without one: NAME and AGE. */
export const defaultTable: TableDef = {
  columns: [NAME, AGE],
  row: (obj, now) => [obj.metadata?.name ?? '', age(obj, now)],
};

/** Lays container names and images out on one line each, as layoutContainerCells. */
export function containerCells(
  containers: readonly { name: string; image?: string }[] | undefined,
): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}
