import type { KubeObject } from '../../api/object';
import type { Deployment, ReplicaSet } from '../../api/types';
import { AGE, NAME, age, col, containerCells, wide, type TableDef } from './columns';
import { formatLabelSelector, selectorString } from './format';

// The deployments and replicasets tables, as printDeployment and printReplicaSet in
// pkg/printers/internalversion/printers.go.

/** The deployments table: NAME READY UP-TO-DATE AVAILABLE AGE (CONTAINERS IMAGES SELECTOR). */
export const deploymentTable: TableDef = {
  columns: [
    NAME,
    col('Ready'),
    col('Up-to-date'),
    col('Available'),
    AGE,
    wide('Containers'),
    wide('Images'),
    wide('Selector'),
  ],
  row(obj: KubeObject, now: number): string[] {
    const d = obj as Deployment;
    const status = d.status ?? {};
    const [names, images] = containerCells(d.spec?.template.spec?.containers);
    return [
      d.metadata?.name ?? '',
      `${status.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
      String(status.updatedReplicas ?? 0),
      String(status.availableReplicas ?? 0),
      age(d, now),
      names,
      images,
      // printDeployment prints selector.String(): empty, not <none>, for an empty selector.
      selectorString(d.spec?.selector),
    ];
  },
};

/** The replicasets table: NAME DESIRED CURRENT READY AGE (CONTAINERS IMAGES SELECTOR). */
export const replicaSetTable: TableDef = {
  columns: [
    NAME,
    col('Desired'),
    col('Current'),
    col('Ready'),
    AGE,
    wide('Containers'),
    wide('Images'),
    wide('Selector'),
  ],
  row(obj: KubeObject, now: number): string[] {
    const rs = obj as ReplicaSet;
    const status = rs.status;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata?.name ?? '',
      String(rs.spec?.replicas ?? 1),
      String(status?.replicas ?? 0),
      String(status?.readyReplicas ?? 0),
      age(rs, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};
