import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, GET_TABWRITER, tabwrite } from './tabwriter';

describe('tabwrite (Go text/tabwriter)', () => {
  it('pads every column but the last to its widest cell plus 3, at least 6, for kubectl get', () => {
    const text = 'NAME\tSTATUS\tAGE\ndefault\tActive\t5d\nkube-system\tActive\t5d\n';
    expect(tabwrite(text, GET_TABWRITER)).toBe(
      [
        'NAME          STATUS   AGE',
        'default       Active   5d',
        'kube-system   Active   5d',
        '',
      ].join('\n'),
    );
  });

  it('applies minwidth 6 to short columns', () => {
    expect(tabwrite('A\tB\nx\ty\n', GET_TABWRITER)).toBe('A     B\nx     y\n');
  });

  it('ends a column block at a line without a tab, as describe relies on', () => {
    const text =
      'Name:\tweb\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tx\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      [
        'Name:             web',
        'Service Account:  default',
        'IPs:',
        '  IP:           10.0.0.1',
        'Controlled By:  x',
        '',
      ].join('\n'),
    );
  });

  it('nests blocks: a deeper column only spans lines that have it', () => {
    const text =
      'Pods:\t(1 in total)\n  Namespace\tName\t\tAge\n  default\tweb\t\t5m\nEvents:\t<none>\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      [
        'Pods:        (1 in total)',
        '  Namespace  Name    Age',
        '  default    web     5m',
        'Events:      <none>',
        '',
      ].join('\n'),
    );
  });

  it('keeps trailing padding when the last cell is empty, and counts runes', () => {
    expect(tabwrite('IP:\t\nNode:\tnöde\n', DESCRIBE_TABWRITER)).toBe('IP:    \nNode:  nöde\n');
  });
});
