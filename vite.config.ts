import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The built site's Content-Security-Policy: nothing but the site's own files may run or load, and
// no eval. Styles may be inline because Monaco and xterm inject theirs. Only the build gets it: the
// dev server's hot-reload preamble is an inline script.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'wheelhouse-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  resolve: {
    alias: [
      // monaco-yaml's worker (through monaco-worker-manager) imports monaco-editor/esm/vs/…, a
      // path monaco-editor no longer exports since 0.56; send it to the exported one.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' },
    ],
  },
});
