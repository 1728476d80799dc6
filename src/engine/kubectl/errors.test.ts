import { describe, expect, it } from 'vitest';
import { invalid, notFound } from '../apiserver/errors';
import {
  AggregateError,
  ExitError,
  KubectlError,
  addSourceToErr,
  formatError,
  formatErrors,
} from './errors';

describe('formatError: kubectl checkErr', () => {
  it.each([
    [new KubectlError('boom'), 'error: boom\n'],
    [new KubectlError('error: already prefixed'), 'error: already prefixed\n'],
    [notFound('pods', 'x'), 'Error from server (NotFound): pods "x" not found\n'],
    [
      addSourceToErr('creating', 'p.yaml', notFound('pods', 'x')),
      'Error from server (NotFound): error when creating "p.yaml": pods "x" not found\n',
    ],
    [
      addSourceToErr('creating', 'p.yaml', new KubectlError('bad')),
      'error: error when creating "p.yaml": bad\n',
    ],
    [
      invalid('Pod', 'web', [{ type: 'Required', field: 'spec.containers[0].image' }]),
      'The Pod "web" is invalid: spec.containers[0].image: Required value\n',
    ],
    [
      invalid('Pod', 'web', [
        { type: 'Required', field: 'spec.containers[0].image' },
        { type: 'Invalid', field: 'metadata.name', value: 'A', detail: 'bad' },
      ]),
      'The Pod "web" is invalid: \n* spec.containers[0].image: Required value\n* metadata.name: Invalid value: "A": bad\n',
    ],
    [new ExitError(), ''],
  ])('%s', (err, printed) => {
    expect(formatError(err)).toBe(printed);
  });

  it('prints several errors one per line, API errors in their standard form', () => {
    expect(
      formatErrors([notFound('pods', 'a'), notFound('pods', 'b'), new KubectlError('plain')]),
    ).toBe(
      'Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\nplain\n',
    );
    expect(formatError(new AggregateError([new KubectlError('only')]))).toBe('error: only\n');
  });
});
