import { describe, expect, it } from 'vitest';
import { executeTemplate } from './evaluate';
import { JsonPathError, parseTemplate } from './parse';

const list = {
  kind: 'List',
  items: [
    {
      metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } },
      status: {
        phase: 'Running',
        conditions: [
          { type: 'PodScheduled', status: 'True' },
          { type: 'Ready', status: 'False' },
        ],
      },
      spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }] },
    },
    {
      metadata: { name: 'db' },
      status: { phase: 'Pending' },
      spec: { containers: [{ name: 'b' }] },
    },
  ],
};

describe('jsonpath', () => {
  it.each([
    ['{.items[0].metadata.name}', 'web'],
    ['{.items[*].metadata.name}', 'web db'],
    ['{.items[-1].metadata.name}', 'db'],
    ['{.items[0:1].status.phase}', 'Running'],
    [`{.items[0].status.conditions[?(@.type=="Ready")].status}`, 'False'],
    ['{.items[0].metadata.labels.app\\.kubernetes\\.io/name}', 'web'],
    [`{.items[0].metadata.labels['app.kubernetes.io/name']}`, 'web'],
    ['{.items[0].spec.containers[0].ports}', '[{"containerPort":80}]'],
    ['{.items[0].spec.containers[0].ports[0].containerPort}', '80'],
    ['{..name}', 'web a db b'],
    ['{.items[*].missing}', ''],
    [
      '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
      'web\tRunning\ndb\tPending\n',
    ],
    ['names: {.items[*].metadata.name}!', 'names: web db!'],
  ])('%s', (template, out) => {
    expect(executeTemplate(template, list)).toBe(out);
  });

  it.each([
    ['{.items', 'unclosed action'],
    ['{range .items[*]}{.x}', 'not in range, nothing to end'],
    ['{.items[x]}', 'invalid array index x'],
  ])('rejects %s', (template, message) => {
    expect(() => parseTemplate(template)).toThrow(new JsonPathError(message));
  });
});
