/**
 * The fleet's command line: one spec per subcommand (scripts/operator/args), and the options every
 * subcommand shares (config from cdk.json + -c, the roster, the StackSet named after stackPrefix).
 */
import type { Env } from '../../lib/aws/clients';
import { workshopNames, WorkshopConfig } from '../../lib/config/workshop-config';
import { CommandSpec, ParsedArgs, textFlag, numberFlag, UsageError } from '../operator/args';
import { operatorConfig } from '../operator/context';
import { EXECUTION_ROLE } from './accounts';
import { readRoster, Participant } from './roster';

export const SUBCOMMANDS = ['deploy', 'status', 'verify', 'leftovers', 'destroy', 'roles', 'handouts', 'check', 'catch-up'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

const COMMON = { roster: 'text', region: 'text', role: 'text', 'poll-seconds': 'positive', 'max-polls': 'count' } as const;
const TARGETS = { ou: 'text', 'max-concurrent-percent': 'text', 'failure-tolerance-percent': 'text' } as const;

/** The fleet's defaults for a StackSet operation (what `npm run bench` estimates a room with). */
export const DEFAULT_MAX_CONCURRENT_PERCENT = 100;
export const DEFAULT_FAILURE_TOLERANCE_PERCENT = 34;

export const FLEET_USAGE = [
  'usage: npm run fleet -- <command> [flags] [-c key=value ...]',
  '  deploy    --roster FILE [--ou ou-...] [--max-concurrent-percent N] [--failure-tolerance-percent N] [--region R] [--dry-run]',
  '  status    --roster FILE [--region R]',
  '  verify    --roster FILE [--role NAME] [--region R]',
  '  leftovers --roster FILE [--role NAME] [--region R]',
  '  destroy   --roster FILE [--ou ou-...] [--role NAME] [--region R]',
  '  handouts  --roster FILE --out DIR [--role NAME] [--region R]   (DIR/<participant>.md, .html, .svg)',
  '  check     --roster FILE [--out FILE.html] [--watch] [--role NAME] [--region R]   (scoreboard: a row per participant, a column per workshop step)',
  '  catch-up  --roster FILE --participant NAME --parts P[,P...] [--role NAME] [--region R]   (deploys those parts of the workshop into one account: identity, network, compute, detection, investigation)',
  '  roles     [--deploy --admin-account ID]   (prints the StackSets administration and execution role templates)',
  'Roster: CSV lines participant,accountId,email. Polling: --poll-seconds (default 10), --max-polls (default 360).',
].join('\n');

export const FLEET_SPECS: Record<Subcommand, CommandSpec> = {
  deploy: { usage: FLEET_USAGE, flags: { ...COMMON, ...TARGETS, 'dry-run': 'switch' } },
  status: { usage: FLEET_USAGE, flags: COMMON },
  verify: { usage: FLEET_USAGE, flags: COMMON },
  leftovers: { usage: FLEET_USAGE, flags: COMMON },
  destroy: { usage: FLEET_USAGE, flags: { ...COMMON, ...TARGETS } },
  roles: { usage: FLEET_USAGE, flags: { deploy: 'switch', 'admin-account': 'text' }, context: false },
  handouts: { usage: FLEET_USAGE, flags: { ...COMMON, out: 'text' } },
  'catch-up': { usage: FLEET_USAGE, flags: { ...COMMON, participant: 'text', parts: 'text' } },
  check: { usage: FLEET_USAGE, flags: { ...COMMON, out: 'text', watch: 'switch' } },
};

export function subcommandOf(argv: readonly string[]): { command: Subcommand; rest: string[] } {
  const [first, ...rest] = argv;
  if (!first || first === '--help' || first === '-h') throw new UsageError('which fleet command?', FLEET_USAGE);
  if (!(SUBCOMMANDS as readonly string[]).includes(first)) throw new UsageError(`unknown fleet command ${first}`, FLEET_USAGE);
  return { command: first as Subcommand, rest };
}

function percent(args: ParsedArgs, flag: string, fallback: number, min: number): number {
  const raw = textFlag(args, flag);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > 100) throw new UsageError(`--${flag} ${JSON.stringify(raw)}: a whole number from ${min} to 100`, FLEET_USAGE);
  return n;
}

export interface FleetSettings {
  readonly config: WorkshopConfig;
  readonly roster: Participant[];
  readonly stackSet: string;
  readonly region: string;
  readonly ou?: string;
  readonly role: string;
  readonly maxConcurrentPercent: number;
  readonly failureTolerancePercent: number;
  readonly intervalMs: number;
  readonly maxPolls: number;
  readonly env?: Env;
  /** `-c key=value` for cdk synth: the command line's, with --region as `-c region=R`. */
  readonly contextArgs: string[];
}

/** The shared settings of a fleet subcommand; throws RosterError for a bad roster. */
export function fleetSettings(args: ParsedArgs, env?: Env): FleetSettings {
  const region = textFlag(args, 'region');
  // --region is the config's region (cdk synth gets it too); give -c availabilityZones=... of that region with it.
  const parts = textFlag(args, 'parts');
  // --parts (catch-up) is the `parts` setting: validated with the config, passed to cdk synth.
  const context = { ...args.context, ...(region ? { region } : {}), ...(parts ? { parts } : {}) };
  const config = operatorConfig(context);
  const rosterFile = textFlag(args, 'roster');
  if (!rosterFile) throw new UsageError('--roster FILE is required (CSV lines participant,accountId,email)', FLEET_USAGE);
  const ou = textFlag(args, 'ou');
  if (ou !== undefined && !/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/.test(ou)) throw new UsageError(`--ou ${JSON.stringify(ou)} is not an organizational unit id (ou-xxxx-xxxxxxxx)`, FLEET_USAGE);
  return {
    config,
    roster: readRoster(rosterFile),
    stackSet: workshopNames(config).stack,
    region: config.region,
    ou,
    role: textFlag(args, 'role') ?? EXECUTION_ROLE,
    maxConcurrentPercent: percent(args, 'max-concurrent-percent', DEFAULT_MAX_CONCURRENT_PERCENT, 1),
    failureTolerancePercent: percent(args, 'failure-tolerance-percent', DEFAULT_FAILURE_TOLERANCE_PERCENT, 0),
    intervalMs: (numberFlag(args, 'poll-seconds') ?? 10) * 1000,
    maxPolls: numberFlag(args, 'max-polls') ?? 360,
    env,
    contextArgs: Object.entries(context).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  };
}
