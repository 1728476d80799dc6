import { describe, expect, it } from 'vitest';
import { event } from '../printers/testdata';
import { describeEvents, eventsRequest } from './events';
import { tabbedString } from './writer';

describe('eventsRequest (searchEvents)', () => {
  it('selects by involvedObject name, namespace, kind and uid, leaving out absent ones', () => {
    expect(
      eventsRequest({ name: 'web', namespace: 'default', kind: 'Deployment', uid: 'u1' }),
    ).toEqual({
      verb: 'list',
      resource: 'events',
      namespace: 'default',
      fieldSelector:
        'involvedObject.name=web,involvedObject.namespace=default,involvedObject.kind=Deployment,involvedObject.uid=u1',
    });
    expect(eventsRequest({ name: 'node-1', namespace: '' })).toEqual({
      verb: 'list',
      resource: 'events',
      fieldSelector: 'involvedObject.name=node-1,involvedObject.namespace=',
    });
  });
});

describe('describeEvents', () => {
  const ref = { kind: 'Pod', name: 'web', uid: 'u' };
  const src = { component: 'kubelet', host: 'node-1' };

  it('prints <none> in line with the page when there are no events', () => {
    expect(tabbedString((w) => describeEvents(w, [], 0))).toBe('Events:  <none>\n');
  });

  it('sorts by last time and prints repeats as "last (xN over first)"', () => {
    const text = tabbedString((w) =>
      describeEvents(
        w,
        [
          event(ref, 'BackOff', ' Back-off restarting failed container ', src, {
            first: 120,
            last: 420,
            count: 4,
            type: 'Warning',
          }),
          event(ref, 'Pulled', 'Container image "nginx" already present on machine', src, {
            first: 60,
            last: 60,
          }),
        ],
        480_000,
      ),
    );
    expect(text).toBe(
      [
        'Events:',
        '  Type     Reason   Age               From     Message',
        '  ----     ------   ----              ----     -------',
        '  Normal   Pulled   7m                kubelet  Container image "nginx" already present on machine',
        '  Warning  BackOff  60s (x4 over 6m)  kubelet  Back-off restarting failed container',
        '',
      ].join('\n'),
    );
  });
});
