import type { FlagSpec } from './types';
import { boolFlag, stringFlag } from './types';

// Flag groups shared by many commands, declared as kubectl declares them (genericclioptions,
// cmdutil.Add*Flags), so names, shorthands, defaults and types match.

/** kubectl's persistent flags, accepted by every command. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  stringFlag('namespace', 'n'),
  stringFlag('kubeconfig'),
  stringFlag('context'),
  stringFlag('cluster'),
  stringFlag('user'),
  stringFlag('server', 's'),
  stringFlag('request-timeout', undefined, '0'),
  stringFlag('as'),
  { name: 'as-group', type: 'stringArray' },
  stringFlag('token'),
  stringFlag('cache-dir'),
  stringFlag('certificate-authority'),
  stringFlag('client-certificate'),
  stringFlag('client-key'),
  stringFlag('tls-server-name'),
  boolFlag('insecure-skip-tls-verify'),
  boolFlag('match-server-version'),
  boolFlag('disable-compression'),
  boolFlag('warnings-as-errors'),
  { name: 'v', shorthand: 'v', type: 'int32' },
  stringFlag('vmodule'),
];

/** -f/--filename, -R/--recursive, -k/--kustomize (cmdutil.AddFilenameOptionFlags). */
export const FILENAME_FLAGS: readonly FlagSpec[] = [
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  boolFlag('recursive', 'R'),
  stringFlag('kustomize', 'k'),
];

/** -o/--output. */
export const OUTPUT_FLAG: FlagSpec = stringFlag('output', 'o');

/** -l/--selector. */
export const SELECTOR_FLAG: FlagSpec = stringFlag('selector', 'l');

/** --field-selector. */
export const FIELD_SELECTOR_FLAG: FlagSpec = stringFlag('field-selector');

/** -A/--all-namespaces. */
export const ALL_NAMESPACES_FLAG: FlagSpec = boolFlag('all-namespaces', 'A');

/** --dry-run (cmdutil.AddDryRunFlag: a bare --dry-run means "unchanged"). */
export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefVal: 'unchanged',
};

/** --validate (cmdutil.AddValidateFlags). */
export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefVal: 'strict',
};

/** --field-manager with a command's default manager name. */
export function fieldManagerFlag(def: string): FlagSpec {
  return stringFlag('field-manager', undefined, def);
}

/** --save-config (cmdutil.AddApplyAnnotationFlags). */
export const SAVE_CONFIG_FLAG: FlagSpec = boolFlag('save-config');
