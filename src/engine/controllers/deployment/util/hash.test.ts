import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PodTemplateSpec } from '../../../api/types';
import { computeHash, deepHashText, fnv32a, safeEncodeString } from './hash';
import { parseGoQuantity } from './goQuantity';

// The template `kubectl create deployment nginx --image=nginx` stores on a v1.31 apiserver,
// defaults included.
const nginx = (): PodTemplateSpec => ({
  metadata: { creationTimestamp: null as unknown as string, labels: { app: 'nginx' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx',
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'Always',
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  },
});

describe('pod-template-hash', () => {
  it('matches a real v1.31 cluster for kubectl create deployment nginx --image=nginx', () => {
    // nginx-676b6c5bbc-xxxxx is the pod name these clusters print (kind, minikube, microk8s).
    expect(computeHash(nginx())).toBe('676b6c5bbc');
  });

  it('writes the template the way spew %#v does', () => {
    const text = deepHashText(nginx());
    expect(text.startsWith('(v1.PodTemplateSpec){ObjectMeta:(v1.ObjectMeta){Name:(string) ')).toBe(
      true,
    );
    expect(text).toContain(
      'CreationTimestamp:(v1.Time){Time:(time.Time){wall:(uint64)0 ext:(int64)0 loc:(*time.Location)<nil>}}',
    );
    expect(text).toContain(
      'Labels:(map[string]string)map[app:nginx] Annotations:(map[string]string)<nil>',
    );
    expect(text).toContain('TerminationGracePeriodSeconds:(*int64)30');
    expect(text).toContain(
      'SecurityContext:(*v1.PodSecurityContext){SELinuxOptions:(*v1.SELinuxOptions)<nil>',
    );
  });

  it('prints quantities, ports and probes through their Go structs', () => {
    const t = nginx();
    const c = t.spec!.containers[0]!;
    c.resources = { requests: { memory: '64Mi', cpu: '100m' } };
    c.readinessProbe = { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, periodSeconds: 10 };
    const text = deepHashText(t);
    expect(text).toContain(
      'Requests:(v1.ResourceList)map[cpu:{i:(resource.int64Amount){value:(int64)100 scale:(resource.Scale)-3} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)100m Format:(resource.Format)DecimalSI} memory:{i:(resource.int64Amount){value:(int64)67108864 scale:(resource.Scale)0} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string) Format:(resource.Format)BinarySI}]',
    );
    expect(text).toContain(
      'Port:(intstr.IntOrString){Type:(intstr.Type)0 IntVal:(int32)80 StrVal:(string)}',
    );
  });

  it('changes with the template and with collisionCount, and is stable', () => {
    const other = nginx();
    other.spec!.containers[0]!.image = 'nginx:1.27';
    const hashes = [
      computeHash(nginx()),
      computeHash(other),
      computeHash(nginx(), 0),
      computeHash(nginx(), 1),
    ];
    expect(new Set(hashes).size).toBe(4);
    expect(computeHash(nginx(), 1)).toBe(computeHash(nginx(), 1));
  });

  it('only ever uses 4-9 b c d f, 1 to 10 characters long', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.nat(1000), { nil: undefined }), (image, collisions) => {
        const t = nginx();
        t.spec!.containers[0]!.image = image;
        expect(computeHash(t, collisions)).toMatch(/^[4-9bcdf]{1,10}$/);
      }),
    );
  });

  it('maps digits like rand.SafeEncodeString and hashes like hash/fnv', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('é')).toBe(fnv32a('', [0xc3, 0xa9]));
  });
});

describe('ParseQuantity in memory', () => {
  it.each([
    ['100m', 100, -3, '100m', 'DecimalSI'],
    ['1', 1, 0, '1', 'DecimalSI'],
    ['0', 0, 0, '0', 'DecimalSI'],
    ['1Gi', 1073741824, 0, '1Gi', 'BinarySI'],
    ['128Mi', 134217728, 0, '', 'BinarySI'],
    ['1500m', 1500, -3, '1500m', 'DecimalSI'],
    ['1000m', 1000, -3, '', 'DecimalSI'],
    ['2k', 2, 3, '2k', 'DecimalSI'],
    ['1e3', 1, 3, '1e3', 'DecimalExponent'],
  ])('%s → value %i scale %i, cached %j, %s', (input, value, scale, s, format) => {
    expect(parseGoQuantity(input)).toEqual({ i: { value, scale }, s, format });
  });
});
