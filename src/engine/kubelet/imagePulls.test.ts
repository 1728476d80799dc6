import { describe, expect, it } from 'vitest';
import { criTimes, eventsFor, getPod, kubeletEngine, pod, runPod, watchPod } from './testing';

describe('image pulls [IMG1]-[IMG3] [LOOP2]', () => {
  it('alternates ErrImagePull and ImagePullBackOff, pulling again 10, 20, 40, 80 s after a failure', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('bad', { image: 'wheelhouse/does-not-exist' }));
    engine.runFor(200_000);
    // Each failed pull moves the pod's image back-off on; a retry inside it answers
    // ImagePullBackOff without pulling.
    const pulls = criTimes(engine, 'PullImage');
    expect(pulls).toEqual([328, 14_007, 38_007, 89_007, 174_007]);
    // Each failure is answered 602 ms after its pull began.
    const waits = pulls.slice(1).map((t, i) => t - ((pulls[i] ?? 0) + 602));
    expect(waits).toEqual([13_077, 23_398, 50_398, 84_398]);
    // The status is made as each sync begins, so it shows the previous sync's outcome.
    expect(watchPod(engine, 'bad')).toEqual([
      '30 0/1 ContainerCreating 0',
      '1011 0/1 ErrImagePull 0',
      '14011 0/1 ImagePullBackOff 0',
      '26011 0/1 ErrImagePull 0',
      '38011 0/1 ImagePullBackOff 0',
      '51011 0/1 ErrImagePull 0',
      '65011 0/1 ImagePullBackOff 0',
      '105011 0/1 ErrImagePull 0',
      '119011 0/1 ImagePullBackOff 0',
      '187011 0/1 ErrImagePull 0',
      '199011 0/1 ImagePullBackOff 0',
    ]);
    const err =
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/wheelhouse/does-not-exist:latest": failed to resolve reference "docker.io/wheelhouse/does-not-exist:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(eventsFor(engine, 'bad')).toEqual([
      'Pulling: Pulling image "wheelhouse/does-not-exist"',
      `Failed: Failed to pull image "wheelhouse/does-not-exist": ${err}`,
      'Failed: Error: ErrImagePull',
      'BackOff: Back-off pulling image "wheelhouse/does-not-exist"',
      'Failed: Error: ImagePullBackOff',
    ]);
    const p = getPod(engine, 'bad');
    expect(p?.status?.phase).toBe('Pending');
    expect(p?.status?.containerStatuses?.[0]?.state?.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "wheelhouse/does-not-exist"',
    });
  });

  it('serializes pulls: the second one waits for the first', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('a', { image: 'nginx:1.25' }));
    runPod(engine, pod('b', { image: 'redis:7' }));
    engine.runUntilIdle();
    const pulled = eventsFor(engine, 'b').find((e) => e.startsWith('Pulled'));
    expect(pulled).toBe(
      'Pulled: Successfully pulled image "redis:7" in 1.903s (4.646s including waiting). Image size: 45022640 bytes.',
    );
  });

  it('fails an absent image with imagePullPolicy Never: ErrImageNeverPull', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('never', { image: 'redis:7', imagePullPolicy: 'Never' }));
    engine.runFor(30_000);
    expect(eventsFor(engine, 'never')).toEqual([
      'ErrImageNeverPull: Container image "redis:7" is not present with pull policy of Never',
      'Failed: Error: ErrImageNeverPull',
    ]);
    expect(watchPod(engine, 'never')).toEqual([
      '30 0/1 ContainerCreating 0',
      '1011 0/1 ErrImageNeverPull 0',
    ]);
    expect(getPod(engine, 'never')?.status?.containerStatuses?.[0]?.state?.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "redis:7" is not present with pull policy of Never',
    });
  });

  it('refuses a name that does not parse: InvalidImageName, without pulling', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('upper', { image: 'Nginx' }));
    engine.runFor(30_000);
    const why =
      'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase';
    expect(eventsFor(engine, 'upper')).toEqual([
      `InspectFailed: ${why}`,
      'Failed: Error: InvalidImageName',
    ]);
    expect(watchPod(engine, 'upper')).toEqual([
      '30 0/1 ContainerCreating 0',
      '1011 0/1 InvalidImageName 0',
    ]);
    expect(criTimes(engine, 'PullImage')).toEqual([]);
  });
});
