import type { Lease, Namespace } from '../../api/types';
import { AGE, NAME, age, col, type TableDef } from './columns';

// The three-column tables, as printNamespace and printLease in
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
