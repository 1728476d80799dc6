import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The engine must stay pure and deterministic: it runs in Node, in a Web Worker, and replays
// byte-identically from a seed. These are the ways wall-clock time, randomness or the UI leak in.
const engineForbiddenImports = {
  patterns: [
    { group: ['react', 'react-*', 'react/*'], message: 'The engine may not import React.' },
    { group: ['d3', 'd3-*'], message: 'The engine may not import D3.' },
    { group: ['zustand', 'zustand/*'], message: 'The engine may not import the UI stores.' },
    { group: ['monaco-editor', 'monaco-*', '@xterm/*'], message: 'The engine may not import UI.' },
    { group: ['**/app/**', '**/cli/**'], message: 'The engine may not import the app or the CLI.' },
    {
      group: ['node:*', 'fs', 'path', 'os', 'child_process'],
      message: 'The engine runs in browsers.',
    },
  ],
};
const impure = (name, why) => ({ name, message: why });
const engineForbiddenGlobals = [
  impure('setTimeout', 'Use the engine event loop (clock/), not real timers.'),
  impure('setInterval', 'Use the engine event loop (clock/), not real timers.'),
  impure('setImmediate', 'Use the engine event loop (clock/), not real timers.'),
  impure('queueMicrotask', 'Use the engine event loop (clock/).'),
  impure('requestAnimationFrame', 'The engine has no frames.'),
  impure('window', 'The engine has no DOM.'),
  impure('document', 'The engine has no DOM.'),
  impure('navigator', 'The engine has no DOM.'),
  impure('localStorage', 'The engine has no DOM.'),
  impure('fetch', 'The engine does no I/O.'),
  impure('performance', 'Use the virtual clock, not performance.now().'),
  impure('crypto', 'Use the seeded PRNG (rng/).'),
];
const engineForbiddenProperties = [
  { object: 'Math', property: 'random', message: 'Use the seeded PRNG (rng/).' },
  { object: 'Date', property: 'now', message: 'Use the virtual clock (clock/).' },
  { object: 'performance', property: 'now', message: 'Use the virtual clock (clock/).' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', engineForbiddenImports],
      'no-restricted-globals': ['error', ...engineForbiddenGlobals],
      'no-restricted-properties': ['error', ...engineForbiddenProperties],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the virtual clock (clock/).',
        },
      ],
    },
  },
);
