import type { FlagValue, ParsedFlags } from './types';

/** Typed access to parsed flag values (cmdutil.GetFlagString and friends). */
export class Flags {
  constructor(private readonly parsed: ParsedFlags) {}

  /** Returns a string flag's value ("" when undeclared). */
  str(name: string): string {
    const v = this.get(name);
    return typeof v === 'string' ? v : '';
  }

  /** Returns a bool flag's value. */
  bool(name: string): boolean {
    return this.get(name) === true;
  }

  /** Returns a numeric flag's value; durations are milliseconds. */
  num(name: string): number {
    const v = this.get(name);
    return typeof v === 'number' ? v : 0;
  }

  /** Returns a list flag's values. */
  list(name: string): string[] {
    const v = this.get(name);
    return Array.isArray(v) ? v : [];
  }

  /** Reports whether the user set the flag (cobra's Flags().Changed). */
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }

  private get(name: string): FlagValue | undefined {
    return this.parsed.values.get(name);
  }
}
