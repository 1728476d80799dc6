import { describe, expect, it } from 'vitest';
import { fixtureAttributes, fixturePod, rejection } from './fixtures';
import { admitNamespaceDelete, namespaceLifecycle } from './namespaceLifecycle';

describe('NamespaceLifecycle', () => {
  it.each([
    ['an existing namespace', 'default', 'CREATE', undefined],
    [
      'a missing namespace',
      'nope',
      'CREATE',
      { code: 404, message: 'namespaces "nope" not found' },
    ],
    [
      'a terminating namespace',
      'leaving',
      'CREATE',
      {
        code: 403,
        message:
          'pods "web" is forbidden: unable to create new content in namespace leaving because it is being terminated',
      },
    ],
    ['an update in a terminating namespace', 'leaving', 'UPDATE', undefined],
  ] as const)('%s', (_what, namespace, operation, expected) => {
    expect(
      rejection(namespaceLifecycle, fixtureAttributes(fixturePod(), { namespace, operation })),
    ).toEqual(expected);
  });

  it('names the resource alone when the name is still to be generated', () => {
    const a = fixtureAttributes(fixturePod(), { namespace: 'leaving', name: '' });
    expect(rejection(namespaceLifecycle, a)?.message).toBe(
      'pods is forbidden: unable to create new content in namespace leaving because it is being terminated',
    );
  });

  it.each(['default', 'kube-system', 'kube-public'])('refuses to delete %s', (name) => {
    expect(() => admitNamespaceDelete(name)).toThrow(
      `namespaces "${name}" is forbidden: this namespace may not be deleted`,
    );
  });

  it('lets other namespaces be deleted', () => {
    expect(() => admitNamespaceDelete('team-a')).not.toThrow();
  });
});
