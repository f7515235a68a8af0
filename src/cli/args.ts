// A small argument parser: positionals, `--flag`, `--name value`, and `--name v1 v2 ...` for list
// options. Enough for Dossier's subcommands without a dependency.

export class UsageError extends Error {}

export interface OptionSpec {
  /** 'boolean' takes no value, 'string' one, 'list' every following non-option word. */
  [name: string]: 'boolean' | 'string' | 'list';
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, boolean>;
  values: Record<string, string>;
  lists: Record<string, string[]>;
}

export function parseArgs(argv: string[], spec: OptionSpec): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: {}, values: {}, lists: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = spec[rawName];
    if (!kind) throw new UsageError(`unknown option --${rawName}`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${rawName} takes no value`);
      parsed.flags[rawName] = true;
    } else if (kind === 'string') {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${rawName} needs a value`);
      parsed.values[rawName] = value;
    } else {
      const list = (parsed.lists[rawName] ??= []);
      if (inline !== undefined) list.push(inline);
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) list.push(argv[++i]!);
      if (!list.length) throw new UsageError(`--${rawName} needs at least one value`);
    }
  }
  return parsed;
}

export function intOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} takes a whole number of 1 or more`);
  return n;
}
