import { describe, expect, it } from 'vitest';
import { currentMarkers, describeMarker, offsetOf, toMarkerRanges } from './markers';

const TEXT = 'apiVersion: apps/v1\nkind: Deploymnt\n\nmetadata:\n  name: Web';

describe('toMarkerRanges', () => {
  it('[MRK1] underlines the token at the column', () => {
    const [m] = toMarkerRanges([{ line: 2, column: 7, message: 'no kind' }], TEXT);
    expect(m).toEqual({
      startLineNumber: 2,
      startColumn: 7,
      endLineNumber: 2,
      endColumn: 16,
      message: 'no kind',
      severity: 8,
    });
  });
  it('[MRK1] on whitespace, underlines to the end of the line', () => {
    const [m] = toMarkerRanges([{ line: 5, column: 1, message: 'x' }], TEXT);
    expect([m?.startColumn, m?.endColumn]).toEqual([1, 12]);
  });
  it('[MRK2] clamps a point past the end of the text onto it', () => {
    const [m] = toMarkerRanges([{ line: 99, column: 99, message: 'x' }], TEXT);
    expect([m?.startLineNumber, m?.startColumn, m?.endColumn]).toEqual([5, 12, 13]);
  });
  it('[MRK2] an empty line still gets a visible range', () => {
    const [m] = toMarkerRanges([{ line: 3, column: 1, message: 'x' }], TEXT);
    expect([m?.startColumn, m?.endColumn]).toEqual([1, 2]);
  });
  it('[MRK2] treats a zero or missing position as the first line and column', () => {
    const [m] = toMarkerRanges([{ line: 0, column: Number.NaN, message: 'x' }], TEXT);
    expect([m?.startLineNumber, m?.startColumn]).toEqual([1, 1]);
  });
});

describe('currentMarkers', () => {
  const markers = [{ line: 1, column: 1, message: 'x' }];
  it('[MRK3] shows markers for the text they were reported for', () => {
    expect(currentMarkers(markers, { active: 0, text: 'a' }, { active: 0, text: 'a' })).toBe(
      markers,
    );
  });
  it('[MRK3] clears them once the text changes', () => {
    expect(currentMarkers(markers, { active: 0, text: 'a' }, { active: 0, text: 'ab' })).toEqual(
      [],
    );
  });
  it('[MRK3] clears them on another tab', () => {
    expect(currentMarkers(markers, { active: 0, text: 'a' }, { active: 1, text: 'a' })).toEqual([]);
  });
});

describe('offsetOf', () => {
  it.each([
    [1, 1, 0],
    [2, 7, 26],
    [4, 99, 46],
    [99, 1, 47],
  ])('line %i column %i is offset %i', (line, column, offset) => {
    expect(offsetOf(TEXT, line, column)).toBe(offset);
  });
});

describe('describeMarker', () => {
  it('says line:column then the message', () => {
    expect(describeMarker({ line: 3, column: 7, message: 'unknown field' })).toBe(
      '3:7 unknown field',
    );
  });
});
