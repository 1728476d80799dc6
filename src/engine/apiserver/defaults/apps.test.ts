import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/types';
import { defaultDeployment, defaultReplicaSet } from './apps';

// Table tests for pkg/apis/apps/v1/defaults.go.

const template = () => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
});

const defaultedTemplate = {
  metadata: { labels: { app: 'web' }, creationTimestamp: null },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx',
        imagePullPolicy: 'Always',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        resources: {},
      },
    ],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  },
};

describe('workload defaults', () => {
  it('defaults a Deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600', () => {
    const d = {
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: template() },
    } as Deployment;
    defaultDeployment(d);
    expect(d.spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: defaultedTemplate,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
  });

  it('leaves rollingUpdate unset for a Recreate Deployment', () => {
    const d = {
      spec: { strategy: { type: 'Recreate' }, template: template() },
    } as unknown as Deployment;
    defaultDeployment(d);
    expect(d.spec?.strategy).toEqual({ type: 'Recreate' });
  });

  it('keeps explicit zero replicas and limits', () => {
    const d = {
      spec: { replicas: 0, revisionHistoryLimit: 0, template: template() },
    } as unknown as Deployment;
    defaultDeployment(d);
    expect(d.spec).toMatchObject({ replicas: 0, revisionHistoryLimit: 0 });
  });

  it('defaults a ReplicaSet: replicas 1 and its template', () => {
    const rs = {
      spec: { selector: { matchLabels: { app: 'web' } }, template: template() },
    } as ReplicaSet;
    defaultReplicaSet(rs);
    expect(rs.spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: defaultedTemplate,
    });
  });
});
