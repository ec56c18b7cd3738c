/** A command's flags as data: parsed from argv and printed as `--help` from one table. */
export interface FlagSpec {
  name: string;
  value?: string;
  description: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Parsed {
  flags: Map<string, string | true>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): Parsed {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      throw new UsageError(`Unknown option --${name}. Options: ${specs.map((s) => `--${s.name}`).join(', ')}.`);
    }
    if (spec.value === undefined) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value.`);
      flags.set(name, true);
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value: --${name}=${spec.value}.`);
    flags.set(name, value);
  }
  return { flags, positionals };
}

export function helpText(usage: string, summary: string, specs: readonly FlagSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length + (s.value ? s.value.length + 1 : 0))) + 4;
  const rows = specs.map((s) => `  --${`${s.name}${s.value ? `=${s.value}` : ''}`.padEnd(width)}${s.description}`);
  return `${usage}\n\n${summary}\n\nOptions:\n${rows.join('\n')}\n`;
}

/**
 * 0 clean, 1 content errors, 2 usage errors (a bad flag, a refused path), 3 a bug in news-timeline,
 * 4 the machine refused: the disk is full, a folder is read-only or forbidden, the output is locked.
 */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3, system: 4 } as const;
