import { describe, expect, it } from 'vitest';
import { drawLine } from './render';

const PROMPT = { text: '$ ', width: 2 };

describe('drawLine', () => {
  it.each<[string, number, number, number, string, number]>([
    // [text, cursor, cols, cursor row before, data, cursor row after]
    ['', 0, 80, 0, '\r\x1b[J$ \r\x1b[2C', 0],
    ['kubectl', 7, 80, 0, '\r\x1b[J$ kubectl\r\x1b[9C', 0],
    ['kubectl', 3, 80, 0, '\r\x1b[J$ kubectl\r\x1b[5C', 0],
    // Wrapped over two rows of 10: the cursor on the first row, then drawing from the second.
    ['kubectl get', 2, 10, 0, '\r\x1b[J$ kubectl get\x1b[1A\r\x1b[4C', 0],
    ['kubectl get', 11, 10, 1, '\x1b[1A\r\x1b[J$ kubectl get\r\x1b[3C', 1],
    // Ending exactly at the edge: step onto the next row.
    ['kubectl ', 8, 10, 0, '\r\x1b[J$ kubectl  \b\r', 1],
  ])('%j at %i in %i cols from row %i', (text, cursor, cols, row, data, after) => {
    expect(drawLine(PROMPT, { text, cursor }, cols, row)).toEqual({ data, cursorRow: after });
  });
});
