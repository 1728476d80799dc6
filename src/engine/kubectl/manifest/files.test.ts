import { describe, expect, it } from 'vitest';
import { formatErrors } from '../errors';
import { MAX_MANIFEST_BYTES } from './read';
import type { FileOptions } from './files';
import { readFiles } from './files';

function read(files: Record<string, string>, names: string[], extra: Partial<FileOptions> = {}) {
  return readFiles(names, {
    readFile: (p) => files[p],
    validate: true,
    namespace: 'default',
    enforceNamespace: false,
    ...extra,
  });
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;

const BILLION_LAUGHS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: lol
data:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe('readFiles: documents', () => {
  it('reads a pod and places it in the default namespace', () => {
    const r = read({ 'pod.yaml': POD }, ['pod.yaml']);
    expect(r.errors).toEqual([]);
    expect(r.infos.map((i) => [i.resource.resource, i.namespace, i.name, i.source])).toEqual([
      ['pods', 'default', 'web', 'pod.yaml'],
    ]);
    expect(r.infos[0]?.object?.metadata?.namespace).toBe('default');
  });

  it('splits multi-document YAML, skipping empty documents, and flattens Lists', () => {
    const text = `---\n${POD}---\n# nothing here\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: team\n`;
    const r = read({ 'all.yaml': text }, ['all.yaml']);
    expect(r.infos.map((i) => `${i.resource.kind}/${i.name}/${i.namespace ?? '-'}`)).toEqual([
      'Pod/web/default',
      'Namespace/team/-',
    ]);
  });

  it('reads a JSON stream', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
    const r = read({ 'ns.json': `${json}\n${json.replace('"a"', '"b"')}` }, ['ns.json']);
    expect(r.infos.map((i) => i.name)).toEqual(['a', 'b']);
  });

  it('reads YAML 1.1 as go-yaml does: yes is true, 0755 is octal, dates stay strings', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: c\nspec:\n  a: yes\n  b: 0755\n  c: 2024-01-02\n';
    const obj = read({ 'c.yaml': text }, ['c.yaml']).infos[0]?.object;
    expect(obj?.spec).toEqual({ a: true, b: 493, c: '2024-01-02' });
  });

  it('reads stdin for -f -', () => {
    const r = readFiles(['-'], {
      readFile: () => undefined,
      stdin: POD,
      validate: true,
      namespace: 'default',
      enforceNamespace: false,
    });
    expect(r.infos.map((i) => i.source)).toEqual(['STDIN']);
  });
});

describe('readFiles: errors in kubectl words, with line and column', () => {
  it.each([
    [
      'mapping values',
      'apiVersion: v1\nkind: Pod\nmetadata: name: web\n',
      'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 3, column 11: mapping values are not allowed in this context\n',
    ],
    [
      'tab indentation',
      'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n',
      'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 4, column 1: found character that cannot start any token\n',
    ],
    [
      'unknown anchor',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: *nope\n',
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 4, column 9: unknown anchor 'nope' referenced\n",
    ],
    [
      'bad JSON',
      '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n}\n',
      "error: error parsing bad.yaml: json: offset 42 (line 4, column 1): invalid character '}' looking for beginning of object key string\n",
    ],
    [
      'truncated JSON',
      '{"apiVersion": "v1", "kind": ',
      'error: error parsing bad.yaml: unexpected EOF\n',
    ],
    [
      'missing apiVersion and kind',
      'metadata:\n  name: web\n',
      'error: error validating "bad.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    ],
    [
      'missing kind',
      'apiVersion: v1\nmetadata:\n  name: web\n',
      'error: error validating "bad.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    ],
    [
      'unknown kind',
      'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n',
      'error: resource mapping not found for name: "x" namespace: "" from "bad.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
    ],
    [
      'wrong group',
      'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\n',
      'error: resource mapping not found for name: "web" namespace: "" from "bad.yaml": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first\n',
    ],
  ])('%s', (_, text, printed) => {
    const r = read({ 'bad.yaml': text }, ['bad.yaml']);
    expect(formatErrors(r.errors)).toBe(printed);
  });

  it('keeps the documents before a parse error', () => {
    const r = read({ 'two.yaml': `${POD}---\nkind: Pod\nmetadata: name: x\n` }, ['two.yaml']);
    expect(r.infos.map((i) => i.name)).toEqual(['web']);
    expect(r.errors).toHaveLength(1);
  });

  it('stops a billion-laughs document quickly with one error', { timeout: 2000 }, () => {
    const r = read({ 'lol.yaml': BILLION_LAUGHS }, ['lol.yaml']);
    expect(r.infos).toEqual([]);
    expect(formatErrors(r.errors)).toBe(
      'error: error parsing lol.yaml: error converting YAML to JSON: yaml: line 1, column 1: document contains excessive aliasing\n',
    );
  });

  it('refuses a 10 MB document at once with one clear error', { timeout: 2000 }, () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: "${'x'.repeat(10 * 1024 * 1024)}"\n`;
    const r = read({ 'big.yaml': big }, ['big.yaml']);
    expect(formatErrors(r.errors)).toBe(
      `error: error parsing big.yaml: the input is ${big.length} bytes, larger than the ${MAX_MANIFEST_BYTES}-byte limit the apiserver puts on a request body\n`,
    );
  });

  it('stops the command for a missing file', () => {
    expect(() => read({}, ['nope.yaml'])).toThrow('the path "nope.yaml" does not exist');
  });

  it('refuses an object from another namespace when -n is given', () => {
    const text = POD.replace('name: web', 'name: web\n  namespace: prod');
    const r = read({ 'pod.yaml': text }, ['pod.yaml'], {
      namespace: 'dev',
      enforceNamespace: true,
    });
    expect(formatErrors(r.errors)).toBe(
      `error: the namespace from the provided object "prod" does not match the namespace "dev". You must pass '--namespace=prod' to perform this operation.\n`,
    );
  });
});
