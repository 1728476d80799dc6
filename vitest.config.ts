import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Tests run in virtual time, so a wall-clock limit only guards against hangs; the default 5 s
    // fails tests that spawn the CLI on a busy 2-core machine.
    testTimeout: 60_000,
  },
});
