import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-yaml's worker (through monaco-worker-manager) imports monaco-editor/esm/vs/…, a
      // path monaco-editor no longer exports since 0.56; send it to the exported one.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' },
    ],
  },
});
