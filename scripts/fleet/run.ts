/**
 * One fleet command from its arguments to its exit code (what `npm run fleet` and the tests call):
 * 0 done; 1 an account failed, a check mismatched or something is left; 2 usage or roster error.
 */
import type { Env } from '../../lib/aws/clients';
import { parseArgs, textFlag, UsageError } from '../operator/args';
import { callerTarget } from '../operator/clients';
import { adminClients } from './accounts';
import { FLEET_SPECS, FLEET_USAGE, fleetSettings, FleetSettings, subcommandOf } from './cli';
import { deployFleet } from './deploy';
import { destroyFleet } from './destroy';
import { fleetHandouts } from './handouts';
import { fleetLeftovers, fleetStatus, fleetVerify, InspectOptions } from './inspect';
import { administrationRoleTemplate, ADMIN_ROLE_STACK, deployRoleStack, executionRoleTemplate, EXECUTION_ROLE_STACK } from './roles';
import { RosterError } from './roster';
import { fleetScoreboard } from './scoreboard';
import { catchUp } from './catch-up';
import { WorkshopConfigError } from '../../lib/config/validate-config';
import { synthFleetTemplate, FleetTemplate } from './template';

export interface FleetRunOptions {
  /** Endpoint and credentials (an emulator's env); default process.env. */
  readonly env?: Env;
  readonly log?: (line: string) => void;
  /** An already synthesized template (tests, npm run local); default: cdk synth now. */
  readonly template?: FleetTemplate;
}

export async function runFleet(argv: readonly string[], opts: FleetRunOptions = {}): Promise<number> {
  const log = opts.log ?? ((l: string) => console.log(l));
  let settings: FleetSettings;
  let args;
  let command;
  try {
    const sub = subcommandOf(argv);
    command = sub.command;
    args = parseArgs(FLEET_SPECS[command], sub.rest);
    if (args.help) {
      log(FLEET_SPECS[command].usage);
      return 0;
    }
    if (command === 'roles') return await roles(args.flags, opts, log);
    if (command === 'handouts' && !textFlag(args, 'out')) throw new UsageError('handouts: --out DIR is required', FLEET_USAGE);
    if (command === 'catch-up' && (!textFlag(args, 'participant') || !textFlag(args, 'parts'))) {
      throw new UsageError('catch-up: --participant NAME and --parts P[,P...] are required', FLEET_USAGE);
    }
    settings = fleetSettings(args, opts.env);
  } catch (e) {
    if (e instanceof UsageError || e instanceof RosterError || e instanceof WorkshopConfigError) {
      log(e.message);
      return 2;
    }
    throw e;
  }
  const s = settings;
  const conn = { region: s.region, env: s.env };
  const poll = { intervalMs: s.intervalMs, maxPolls: s.maxPolls, log };
  const target = { stackSet: s.stackSet, region: s.region, ou: s.ou, maxConcurrentPercent: s.maxConcurrentPercent, failureTolerancePercent: s.failureTolerancePercent };
  // Only what deploys or draws needs the template; status, verify, leftovers and destroy read the accounts.
  const needsTemplate = command === 'deploy' || command === 'handouts' || command === 'catch-up';
  let template = opts.template;
  if (needsTemplate && !template) {
    log(`Synthesizing ${s.stackSet} (cdk synth) ...`);
    template = await synthFleetTemplate(s.stackSet, s.contextArgs);
  }
  const inspect: InspectOptions = {
    conn, config: s.config, roster: s.roster, stackSet: s.stackSet, role: s.role, log,
  };
  switch (command) {
    case 'deploy':
      return deployFleet({ ...target, conn, config: s.config, roster: s.roster, template: template!, dryRun: args.flags['dry-run'] === true, poll });
    case 'status':
      return fleetStatus(inspect);
    case 'verify':
      return fleetVerify(inspect);
    case 'leftovers':
      return fleetLeftovers(inspect);
    case 'handouts':
      return fleetHandouts({ ...inspect, outDir: textFlag(args, 'out')!, template: template! });
    case 'catch-up':
      return catchUp({ ...inspect, participant: textFlag(args, 'participant')!, template: template!, poll: { intervalMs: s.intervalMs, maxPolls: s.maxPolls } });
    case 'check':
      return fleetScoreboard({ ...inspect, out: textFlag(args, 'out'), watch: args.flags.watch === true ? { intervalMs: s.intervalMs, maxPolls: s.maxPolls } : undefined });
    case 'destroy':
      return destroyFleet({ ...inspect, ...target, poll });
    default:
      return 2;
  }
}

async function roles(flags: Record<string, unknown>, opts: FleetRunOptions, log: (l: string) => void): Promise<number> {
  const adminAccount = typeof flags['admin-account'] === 'string' ? (flags['admin-account'] as string) : undefined;
  if (adminAccount !== undefined && !/^\d{12}$/.test(adminAccount)) {
    log(`--admin-account ${JSON.stringify(adminAccount)} is not a 12-digit account id`);
    return 2;
  }
  if (!flags.deploy) {
    log(`# ${ADMIN_ROLE_STACK}: deploy in the StackSet administrator account (the one that runs npm run fleet)`);
    log(JSON.stringify(administrationRoleTemplate(), null, 2));
    log(`\n# ${EXECUTION_ROLE_STACK}: deploy in each participant account (parameter AdministratorAccountId = the admin account)`);
    log(JSON.stringify(executionRoleTemplate(adminAccount), null, 2));
    return 0;
  }
  if (!adminAccount) {
    log('roles --deploy needs --admin-account ID (the StackSet administrator account)');
    return 2;
  }
  const c = adminClients({ region: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1', env: opts.env });
  try {
    const { account } = await callerTarget(c);
    if (account === adminAccount) {
      log(`${ADMIN_ROLE_STACK} in ${account}: ${await deployRoleStack(c, ADMIN_ROLE_STACK, administrationRoleTemplate())}`);
    }
    log(`${EXECUTION_ROLE_STACK} in ${account}: ${await deployRoleStack(c, EXECUTION_ROLE_STACK, executionRoleTemplate(adminAccount), { AdministratorAccountId: adminAccount })}`);
    return 0;
  } finally {
    c.destroy();
  }
}
