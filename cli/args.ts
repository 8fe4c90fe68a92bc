/** A small, strict argument reader: known flags only, `--flag value` or `--flag=value`. */
import { UsageError } from './command';

export interface ArgSpec {
  /** Flags taking a value, with their aliases (e.g. { '--output': ['-o'] }). */
  values: Record<string, readonly string[]>;
  /** Flags without a value. */
  booleans: Record<string, readonly string[]>;
}

export interface ParsedArgs {
  values: Map<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const canonical = new Map<string, { name: string; takesValue: boolean }>();
  for (const [name, aliases] of Object.entries(spec.values)) for (const alias of [name, ...aliases]) canonical.set(alias, { name, takesValue: true });
  for (const [name, aliases] of Object.entries(spec.booleans)) for (const alias of [name, ...aliases]) canonical.set(alias, { name, takesValue: false });
  const out: ParsedArgs = { values: new Map(), flags: new Set(), positionals: [] };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const known = canonical.get(flag);
    if (!known) throw new UsageError(`unknown option ${flag}`);
    if (!known.takesValue) {
      if (eq > 0) throw new UsageError(`${flag} takes no value`);
      out.flags.add(known.name);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    out.values.set(known.name, [...(out.values.get(known.name) ?? []), value]);
  }
  return out;
}

/** The single value of a flag (the last one wins), or undefined. */
export function single(args: ParsedArgs, name: string): string | undefined {
  const all = args.values.get(name);
  return all?.[all.length - 1];
}

/** An absolute http(s) URL, or a UsageError naming the flag. */
export function httpUrlArg(flag: string, value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  throw new UsageError(`${flag} needs an absolute http(s) URL, got "${value.slice(0, 200)}"`);
}
