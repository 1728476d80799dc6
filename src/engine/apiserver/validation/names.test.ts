import { describe, expect, it } from 'vitest';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  nameCheck,
} from './names';

// The exact messages of k8s.io/apimachinery/pkg/util/validation.

const QNAME_REGEX = "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const QNAME_MSG = `must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', ${QNAME_REGEX}`;

describe('name formats', () => {
  it.each([
    ['app', []],
    ['app.kubernetes.io/name', []],
    ['-app', [`name part ${QNAME_MSG}`]],
    ['/app', ['prefix part must be non-empty']],
    ['example.com/', ['name part must be non-empty', `name part ${QNAME_MSG}`]],
    [
      'a/b/c',
      [
        `a qualified name ${QNAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    ],
    ['x'.repeat(64), ['name part must be no more than 63 characters']],
  ])('qualified name %j', (value, expected) => {
    expect(isQualifiedName(value)).toEqual(expected);
  });

  it('checks label values', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('web-1')).toEqual([]);
    expect(isValidLabelValue('web!')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('checks DNS names', () => {
    expect(isDNS1123Subdomain('web.example')).toEqual([]);
    expect(isDNS1123Label('web.example')).toHaveLength(1);
    expect(isDNS1123Subdomain('Web')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it('accepts a generateName prefix ending in a dash', () => {
    const check = nameCheck(isDNS1123Subdomain);
    expect(check('web-', true)).toEqual([]);
    expect(check('web-', false)).toHaveLength(1);
  });

  it.each([
    ['http', []],
    ['8080', ['must contain at least one letter (a-z)']],
    ['web--port', ['must not contain consecutive hyphens']],
    ['a-very-long-port-name', ['must be no more than 15 characters']],
  ])('port name %j', (value, expected) => {
    expect(isValidPortName(value)).toEqual(expected);
  });

  it('checks percentages', () => {
    expect(isValidPercent('25%')).toEqual([]);
    expect(isValidPercent('25')).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });
});
