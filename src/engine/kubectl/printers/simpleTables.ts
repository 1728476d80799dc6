import type { Lease, Namespace, PriorityClass } from '../../api/types';
import { AGE, NAME, age, col, type TableDef } from './columns';

// The small tables, as printNamespace, printLease and printPriorityClass in
// pkg/printers/internalversion/printers.go.

/** The namespaces table: NAME STATUS AGE. */
export const namespaceTable: TableDef = {
  columns: [NAME, col('Status'), AGE],
  row: (obj, now) => [
    obj.metadata?.name ?? '',
    (obj as Namespace).status?.phase ?? '',
    age(obj, now),
  ],
};

/** The leases table: NAME HOLDER AGE. */
export const leaseTable: TableDef = {
  columns: [NAME, col('Holder'), AGE],
  row: (obj, now) => [
    obj.metadata?.name ?? '',
    (obj as Lease).spec?.holderIdentity ?? '',
    age(obj, now),
  ],
};

/** The priorityclasses table: NAME VALUE GLOBAL-DEFAULT AGE (v1.31 has no PreemptionPolicy). */
export const priorityClassTable: TableDef = {
  columns: [NAME, col('Value'), col('Global-Default'), AGE],
  row: (obj, now) => {
    const pc = obj as PriorityClass;
    return [
      obj.metadata?.name ?? '',
      String(pc.value ?? 0),
      String(pc.globalDefault ?? false),
      age(obj, now),
    ];
  },
};
