import type { PodSpec, ReplicaSet } from '../../api/types';
import { describeContainers } from './containers';
import {
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from './helpers';
import { topologySpread } from './pod';
import { describeVolumes } from './volumes';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer';

// The "Pod Template:" section of describe replicaset and deployment (describe.go
// DescribePodTemplate): like describe pod without statuses, indented by two spaces.

/** A workload's pod template. */
export type Template = NonNullable<ReplicaSet['spec']>['template'];

/** Prints "Pod Template:" with labels, containers, volumes, node selectors and tolerations. */
export function describePodTemplate(w: PrefixWriter, template: Template | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec: PodSpec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) {
    describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ');
  }
  describeContainers(w, 'Containers', spec.containers, undefined, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  topologySpread(w, spec.topologySpreadConstraints, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
