// kubectl's output layer: get tables, -o yaml|json|name, and the age format they share. The
// kubectl commands call only these; describe lives beside it in ../describe.

export { humanDuration } from './duration';
export { printTable, type TableOptions } from './table';
export { printJson, printNames, printYaml } from './structured';
