// Monaco's editor core with only the features a YAML editor uses, the YAML grammar and the YAML
// language server (monaco-yaml) configured with the Kubernetes schema. Loaded lazily: nothing
// here is in the page's first chunk. No TypeScript, CSS, HTML or JSON language workers.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordOperations/register';
// features/suggest registers only inline suggestions; the suggest widget is its controller.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import schema from '../kubernetes.schema.json';

// Names the schema in the language server; never fetched (enableSchemaRequest is off).
const SCHEMA_URI = 'inmemory://wheelhouse/kubernetes.schema.json';

// Workers are separate files from this origin, so `worker-src 'self'` suffices. Only the editor
// worker is asked for by label; the YAML worker is started below.
globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };

interface LegacyWorkerOptions {
  createData?: unknown;
  host?: monaco.editor.IInternalWebWorkerOptions['host'];
  keepIdleModels?: boolean;
}

// monaco-yaml's worker manager still calls createWebWorker({ label, createData }), which Monaco
// stopped supporting in 0.53 (monaco-yaml#272): it now wants the Worker itself. Do what Monaco's
// own language workers do (esm/vs/internal/common/workers.js): start the worker, wake it, send
// it the createData, then hand it over.
const createYamlWebWorker = <T extends object>(opts: LegacyWorkerOptions) => {
  const worker = new YamlWorker();
  worker.postMessage('ignore');
  worker.postMessage(opts.createData);
  return monaco.editor.createWebWorker<T>({
    worker,
    host: opts.host,
    keepIdleModels: opts.keepIdleModels,
  });
};
const monacoForYaml = {
  ...monaco,
  editor: { ...monaco.editor, createWebWorker: createYamlWebWorker },
} as typeof monaco;

configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  hoverSchemaSource: false,
  format: { enable: false },
  isKubernetes: true,
  schemas: [{ uri: SCHEMA_URI, fileMatch: ['**/*.yaml'], schema: schema as JSONSchema }],
});

export { monaco };
