import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The engine's purity is a lint rule (eslint.config.js); this proves the rule bites, so a change
// to the config cannot silently let wall-clock time, randomness or the UI into the engine.

const lint = async (code: string, file = 'src/engine/example.ts'): Promise<string[]> => {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.message);
};

describe('engine boundary', () => {
  it.each([
    ['Math.random()', 'seeded PRNG'],
    ['Date.now()', 'virtual clock'],
    ['new Date()', 'virtual clock'],
    ['performance.now()', 'virtual clock'],
    ['setTimeout(() => {}, 1)', 'event loop'],
    ['setInterval(() => {}, 1)', 'event loop'],
    ['document.title', 'no DOM'],
    ['window.alert("x")', 'no DOM'],
  ])('forbids %s', async (code, why) => {
    const messages = await lint(`export const x = ${code};\n`);
    expect(messages.join('\n')).toContain(why);
  });

  it.each([
    ["import React from 'react';", 'React'],
    ["import * as d3 from 'd3';", 'D3'],
    ["import { create } from 'zustand';", 'UI stores'],
    ["import { readFileSync } from 'node:fs';", 'browsers'],
  ])('forbids %s', async (code, why) => {
    const messages = await lint(`${code}\nexport const y = 1;\n`);
    expect(messages.join('\n')).toContain(why);
  });

  it('allows the same code outside the engine', async () => {
    expect(await lint('export const x = Date.now();\n', 'src/cli/example.ts')).toEqual([]);
  });
});
