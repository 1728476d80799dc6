import { describe, expect, it } from 'vitest';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import { pod } from '../printers/testdata';
import { namespace, nodeLease } from '../printers/testdataCluster';
import { smartLabelFor } from './generic';
import { describe as describeObject } from './index';
import { runningPodEvents } from './scenarios';

// Golden pages of describe.go describeNamespace and the generic describer (printUnstructuredContent,
// smartLabelFor of v1.31), which kubectl uses for Event and Lease.

const NOW = 600_000;
const res = (kind: string) => resourceForKind(kind) as ResourceInfo;
const page = (lines: string[]) => `${lines.join('\n')}\n`;

const ns = [
  'Name:         default',
  'Labels:       kubernetes.io/metadata.name=default',
  'Annotations:  <none>',
  'Status:       Active',
  '',
  'No resource quota.',
  '',
  'No LimitRange resource.',
];

const lease = [
  'Name:         node-1',
  'Namespace:    kube-node-lease',
  'Labels:       <none>',
  'Annotations:  <none>',
  'API Version:  coordination.k8s.io/v1',
  'Kind:         Lease',
  'Metadata:',
  '  Creation Timestamp:  2025-01-01T00:00:00Z',
  '  Owner References:',
  '    API Version:     v1',
  '    Kind:            Node',
  '    Name:            node-1',
  '    UID:             5c2e8f1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
  '  Resource Version:  1500',
  '  UID:               9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
  'Spec:',
  '  Holder Identity:         node-1',
  '  Lease Duration Seconds:  40',
  '  Renew Time:              2025-01-01T00:10:00.000000Z',
  'Events:                    <none>',
];

const event = [
  'Name:             web-7d4b9c6f5-x2x7k.1941f297fe800000',
  'Namespace:        default',
  'Labels:           <none>',
  'Annotations:      <none>',
  'API Version:      v1',
  'Count:            1',
  'Event Time:       <nil>',
  'First Timestamp:  2025-01-01T00:00:01Z',
  'Involved Object:',
  '  API Version:   v1',
  '  Kind:          Pod',
  '  Name:          web-7d4b9c6f5-x2x7k',
  '  UID:           0b6b4a8e-7f0e-4d7c-a2f7-2d1c9e5b6a01',
  'Kind:            Event',
  'Last Timestamp:  2025-01-01T00:00:01Z',
  'Message:         Successfully assigned default/web-7d4b9c6f5-x2x7k to node-1',
  'Metadata:',
  '  Creation Timestamp:  2025-01-01T00:00:01Z',
  '  Resource Version:    2001',
  '  UID:                 e1-Scheduled',
  'Reason:                Scheduled',
  'Reporting Component:   default-scheduler',
  'Reporting Instance:    ',
  'Source:',
  '  Component:  default-scheduler',
  'Type:         Normal',
  'Events:       <none>',
];

describe('describe namespace', () => {
  it('prints status and the empty quota and limit range sections', () => {
    expect(describeObject(res('Namespace'), namespace('default'), {}, NOW)).toBe(page(ns));
  });
});

describe('generic describer', () => {
  it('prints a Lease field by field with smart labels', () => {
    expect(describeObject(res('Lease'), nodeLease(), { events: [] }, NOW)).toBe(page(lease));
  });

  it('prints an Event, null eventTime as <nil>', () => {
    const ev = runningPodEvents(pod())[0] as NonNullable<
      ReturnType<typeof runningPodEvents>[number]
    >;
    expect(describeObject(res('Event'), ev, { events: [] }, NOW)).toBe(page(event));
  });

  it.each([
    ['apiVersion', 'API Version'],
    ['uid', 'UID'],
    ['holderIdentity', 'Holder Identity'],
    ['leaseDurationSeconds', 'Lease Duration Seconds'],
    ['PDFLoader', 'PDF Loader'],
    ['k8s', 'k8s'],
    ['kube-proxy', 'Kube - Proxy'],
  ])('smartLabelFor(%s) is %s', (field, label) => {
    expect(smartLabelFor(field)).toBe(label);
  });
});
