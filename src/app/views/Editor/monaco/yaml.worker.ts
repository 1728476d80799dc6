// The YAML language server, bundled by Vite as its own worker (monaco-yaml's documented Vite
// workaround: re-export the worker from a file of our own).
import 'monaco-yaml/yaml.worker.js';
