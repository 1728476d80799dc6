import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { resourceByName } from '../../api/resources';
import { formatFieldError } from '../errors';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

const pods = resourceByName('pods')!;
const namespaces = resourceByName('namespaces')!;
const messages = (obj: KubeObject, info = pods) =>
  validateObjectMeta(obj, info).map(formatFieldError);

describe('ObjectMeta validation', () => {
  it.each<[string, KubeObject['metadata'], string[]]>([
    ['a valid object', { name: 'web', namespace: 'default', labels: { app: 'web' } }, []],
    [
      'a missing name',
      { namespace: 'default' },
      ['metadata.name: Required value: name or generateName is required'],
    ],
    ['a missing namespace', { name: 'web' }, ['metadata.namespace: Required value']],
    [
      'a label key with two slashes',
      { name: 'web', namespace: 'default', labels: { 'a/b/c': 'x' } },
      [
        `metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    ],
    [
      'an annotation key with a space',
      { name: 'web', namespace: 'default', annotations: { 'my note': 'x' } },
      [
        `metadata.annotations: Invalid value: "my note": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    ],
    [
      'an owner reference without a uid',
      {
        name: 'web',
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: '' }],
      },
      ['metadata.ownerReferences.uid: Invalid value: "": must not be empty'],
    ],
    [
      'two controllers',
      {
        name: 'web',
        namespace: 'default',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
        ],
      },
      [
        'metadata.ownerReferences: Invalid value: [{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"a","uid":"1","controller":true},{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"b","uid":"2","controller":true}]: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b',
      ],
    ],
    [
      'an unqualified finalizer',
      { name: 'web', namespace: 'default', finalizers: ['mine'] },
      [
        'metadata.finalizers[0]: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified',
      ],
    ],
    [
      'orphan and foreground together',
      { name: 'web', namespace: 'default', finalizers: ['orphan', 'foregroundDeletion'] },
      [
        'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
      ],
    ],
  ])('%s', (_what, metadata, expected) => {
    expect(messages({ metadata })).toEqual(expected);
  });

  it('requires namespaces to be DNS labels', () => {
    expect(messages({ metadata: { name: 'team.a' } }, namespaces)).toEqual([
      `metadata.name: Invalid value: "team.a": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it('refuses new finalizers on an object being deleted', () => {
    const old = {
      metadata: { name: 'web', deletionTimestamp: '2025-01-01T00:00:30Z', finalizers: ['a.io/x'] },
    };
    const next = { metadata: { name: 'web', finalizers: ['a.io/x', 'b.io/y'] } };
    expect(validateObjectMetaUpdate(next, old).map(formatFieldError)).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
    ]);
  });
});
