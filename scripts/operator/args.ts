/**
 * The one command-line parser of the operator commands. Each command declares its flags (which
 * take a value, and what kind of value); `-c key=value` / `--context key=value` /
 * `--context=key=value` are read as the CDK CLI reads them when the command passes settings on
 * to cdk. A usage error (unknown flag, missing or bad value) exits 2 with the usage;
 * `--help` / `-h` prints the usage and exits 0.
 *
 *   const args = parseCommandLine(COST_SPEC);
 *   args.flags.participants // number | undefined
 */

/** What a flag takes: nothing (a switch), any text, a positive integer (a count), a positive number (hours). */
export type FlagKind = 'switch' | 'text' | 'count' | 'positive';

export interface CommandSpec {
  /** The usage line, printed on --help and after a usage error. */
  readonly usage: string;
  /** Flag name (without --) -> what it takes. */
  readonly flags: Readonly<Record<string, FlagKind>>;
  /** Accepts -c / --context key=value (default true). */
  readonly context?: boolean;
}

export type FlagValue = string | number | true;

export interface ParsedArgs {
  /** -c / --context key=value pairs (a later pair for the same key wins). */
  readonly context: Record<string, string>;
  /** The same pairs as CLI arguments, to pass on to `cdk`. */
  readonly cdkContextArgs: string[];
  /** Given flags: true for a switch, the text or number otherwise. */
  readonly flags: Record<string, FlagValue>;
  /** --help or -h was given. */
  readonly help: boolean;
}

export class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(`${message}\n${usage}`);
    this.name = 'UsageError';
  }
}

const ALLOWED: Record<Exclude<FlagKind, 'switch'>, string> = {
  text: 'a value',
  count: 'a positive whole number (1, 2, 3, ...)',
  positive: 'a positive number (e.g. 1, 2.5, 8)',
};

function convert(flag: string, kind: Exclude<FlagKind, 'switch'>, raw: string, usage: string): string | number {
  if (kind === 'text') return raw;
  const n = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(n) && n > 0 && (kind !== 'count' || Number.isInteger(n));
  if (!ok) throw new UsageError(`--${flag} ${JSON.stringify(raw)} is not allowed: --${flag} takes ${ALLOWED[kind]}`, usage);
  return n;
}

/**
 * `-c key=value` pairs as the CDK CLI reads them; every other argument is returned, in order,
 * in `rest`. Throws on a pair without a key.
 */
export function parseContextArgs(args: readonly string[]): { context: Record<string, string>; rest: string[] } {
  const context: Record<string, string> = {};
  const rest: string[] = [];
  const put = (flag: string, pair: string | undefined) => {
    const eq = pair?.indexOf('=') ?? -1;
    if (!pair || eq <= 0) throw new Error(`${flag} expects key=value, got ${JSON.stringify(pair ?? '')}`);
    context[pair.slice(0, eq)] = pair.slice(eq + 1);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c' || a === '--context') put(a, args[++i]);
    else if (a.startsWith('--context=')) put('--context', a.slice('--context='.length));
    else rest.push(a);
  }
  return { context, rest };
}

/** Parses `argv` against the command's spec; throws UsageError on anything the spec does not allow. */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  let context: Record<string, string> = {};
  let rest = [...argv];
  if (spec.context !== false) {
    try {
      ({ context, rest } = parseContextArgs(argv));
    } catch (e) {
      throw new UsageError((e as Error).message, spec.usage);
    }
  }
  const flags: Record<string, FlagValue> = {};
  let help = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--help' || a === '-h') {
      help = true;
      continue;
    }
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    const kind = m ? spec.flags[m[1]] : undefined;
    if (!m || !kind) throw new UsageError(`unknown argument ${a}`, spec.usage);
    const [, flag, inline] = m;
    if (kind === 'switch') {
      if (inline !== undefined) throw new UsageError(`--${flag} takes no value, got ${JSON.stringify(inline)}`, spec.usage);
      flags[flag] = true;
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = rest[i + 1];
      // "--hours --markdown": the next flag is not this one's value ("-1" is, and is then refused).
      if (next === undefined || next.startsWith('--') || next === '-h') {
        throw new UsageError(`--${flag} needs a value: ${ALLOWED[kind]}`, spec.usage);
      }
      raw = next;
      i++;
    }
    flags[flag] = convert(flag, kind, raw, spec.usage);
  }
  const cdkContextArgs = Object.entries(context).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  return { context, cdkContextArgs, flags, help };
}

/**
 * parseArgs for a command's main: on --help prints the usage and exits 0; on a usage error
 * prints the error and the usage to stderr and exits 2.
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[] = process.argv.slice(2)): ParsedArgs {
  let args: ParsedArgs;
  try {
    args = parseArgs(spec, argv);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (args.help) {
    console.log(spec.usage);
    process.exit(0);
  }
  return args;
}

/** A text flag's value, if given. */
export function textFlag(args: ParsedArgs, flag: string): string | undefined {
  const v = args.flags[flag];
  return typeof v === 'string' ? v : undefined;
}

/** A numeric flag's value, if given. */
export function numberFlag(args: ParsedArgs, flag: string): number | undefined {
  const v = args.flags[flag];
  return typeof v === 'number' ? v : undefined;
}
