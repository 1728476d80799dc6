import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../api/types';
import { lastRevision, maxRevision, setNewReplicaSetAnnotations } from './annotations';
import {
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
} from './constants';

const d = (annotations: Record<string, string> = {}): Deployment => ({
  metadata: { name: 'web', annotations },
  spec: {
    replicas: 4,
    selector: {},
    template: {},
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
  },
});

const rs = (annotations?: Record<string, string>): ReplicaSet => ({ metadata: { annotations } });

describe('revisions', () => {
  it('finds the highest and the previous revision, skipping unparsable ones', () => {
    const list = [
      rs({ [REVISION_ANNOTATION]: '3' }),
      rs({ [REVISION_ANNOTATION]: 'x' }),
      rs(),
      rs({ [REVISION_ANNOTATION]: '7' }),
    ];
    expect(maxRevision(list)).toBe(7);
    expect(lastRevision(list)).toBe(3);
  });
});

describe('SetNewReplicaSetAnnotations', () => {
  it('gives a ReplicaSet about to be created its revision, replicas and the Deployment annotations', () => {
    const set = rs();
    const changed = setNewReplicaSetAnnotations(
      d({
        'kubernetes.io/change-cause': 'kubectl set image',
        [LAST_APPLIED_ANNOTATION]: '{}',
        [REVISION_ANNOTATION]: '9',
      }),
      set,
      '2',
      false,
    );
    expect(changed).toBe(true);
    expect(set.metadata?.annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image',
      [REVISION_ANNOTATION]: '2',
      [DESIRED_REPLICAS_ANNOTATION]: '4',
      [MAX_REPLICAS_ANNOTATION]: '5',
    });
  });

  it('records the old revision when a rollback makes an old ReplicaSet new again', () => {
    const set = rs({ [REVISION_ANNOTATION]: '1' });
    setNewReplicaSetAnnotations(d(), set, '3', true);
    expect(set.metadata?.annotations?.[REVISION_ANNOTATION]).toBe('3');
    expect(set.metadata?.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('1');
    set.metadata!.annotations![REVISION_ANNOTATION] = '3';
    setNewReplicaSetAnnotations(d(), set, '5', true);
    expect(set.metadata?.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('1,3');
  });

  it('never lowers a revision and drops the oldest history past the length limit', () => {
    const set = rs({ [REVISION_ANNOTATION]: '8' });
    expect(setNewReplicaSetAnnotations(d(), set, '4', true)).toBe(false);
    const long = rs({ [REVISION_ANNOTATION]: '12', [REVISION_HISTORY_ANNOTATION]: '10,11' });
    setNewReplicaSetAnnotations(d(), long, '13', true, 6);
    expect(long.metadata?.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('11,12');
  });
});
