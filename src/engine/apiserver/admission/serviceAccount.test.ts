import { describe, expect, it } from 'vitest';
import { fixtureAttributes, fixtureContext, fixturePod } from './fixtures';
import { serviceAccount, tokenVolumeSource } from './serviceAccount';

describe('ServiceAccount', () => {
  it('names the default account and mounts kube-api-access-<5 random> in every container', () => {
    const p = fixturePod({ initContainers: [{ name: 'init', image: 'busybox' }] });
    serviceAccount.admit(fixtureAttributes(p));
    const name = p.spec?.volumes?.[0]?.name ?? '';
    expect(name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec?.serviceAccountName).toBe('default');
    expect(p.spec?.volumes).toEqual([{ name, projected: tokenVolumeSource() }]);
    const mount = {
      name,
      readOnly: true,
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
    };
    expect(p.spec?.containers[0]?.volumeMounts).toEqual([mount]);
    expect(p.spec?.initContainers?.[0]?.volumeMounts).toEqual([mount]);
  });

  it('uses the seeded generator, so a seed replays the same volume name', () => {
    const a = fixturePod();
    const b = fixturePod();
    serviceAccount.admit(fixtureAttributes(a, { ctx: fixtureContext(7) }));
    serviceAccount.admit(fixtureAttributes(b, { ctx: fixtureContext(7) }));
    expect(a.spec?.volumes?.[0]?.name).toBe(b.spec?.volumes?.[0]?.name);
  });

  it('projects the token, the cluster CA and the namespace', () => {
    expect(tokenVolumeSource()).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [
              {
                path: 'namespace',
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
              },
            ],
          },
        },
      ],
    });
  });

  it.each([
    ['automountServiceAccountToken: false', fixturePod({ automountServiceAccountToken: false }), 0],
    [
      'a container already mounting the token path',
      fixturePod({
        containers: [
          {
            name: 'web',
            image: 'nginx',
            volumeMounts: [
              { name: 'own', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
            ],
          },
        ],
      }),
      0,
    ],
  ])('mounts nothing for %s', (_what, p, volumes) => {
    serviceAccount.admit(fixtureAttributes(p));
    expect(p.spec?.serviceAccountName).toBe('default');
    expect(p.spec?.volumes ?? []).toHaveLength(volumes);
  });

  it('keeps a named service account and does nothing on update', () => {
    const p = fixturePod({ serviceAccountName: 'builder' });
    serviceAccount.admit(fixtureAttributes(p));
    expect(p.spec?.serviceAccountName).toBe('builder');
    const q = fixturePod();
    serviceAccount.admit(fixtureAttributes(q, { operation: 'UPDATE', old: fixturePod() }));
    expect(q.spec?.serviceAccountName).toBeUndefined();
  });
});
