/**
 * The whole fleet cycle on the local emulator (`npm run local -- --roster FILE`): an emulator with
 * several accounts (MOTO_ACCOUNT_ID unset), the StackSets administration role in the admin account
 * and the execution role in each roster account, fleet deploy, fleet verify, fleet destroy (which
 * ends with leftovers in every account). Stops the emulator whatever happens.
 */
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { Env } from '../../lib/aws/clients';
import { Emulator, startEmulator } from '../emulator/emulator';
import { operatorConfig, sdkConfig } from '../operator/context';
import { errorName } from '../operator/errors';
import { ADMINISTRATION_ROLE, assumeRole, adminClients, EXECUTION_ROLE } from './accounts';
import { runFleet } from './run';
import { workshopNames } from '../../lib/config/workshop-config';
import { readRoster, Participant } from './roster';
import { synthFleetTemplate, FleetTemplate } from './template';

/** CreateRole; a role of that name already there is fine (the cycle may run again on the same emulator). */
async function createRole(iam: Pick<IAMClient, 'send'>, RoleName: string, AssumeRolePolicyDocument: string): Promise<void> {
  try {
    await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument }));
  } catch (e) {
    if (!/^EntityAlreadyExists/.test(errorName(e))) throw e;
  }
}

const trust = (principal: object) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });

/** The emulator's admin account gets the administration role, each account the execution role (as `npm run fleet -- roles` templates). */
export async function createFleetRoles(env: Env, region: string, admin: string, accounts: readonly string[]): Promise<void> {
  const c = adminClients({ region, env });
  try {
    await createRole(c.iam, ADMINISTRATION_ROLE, trust({ Service: 'cloudformation.amazonaws.com' }));
    for (const account of accounts) {
      const iam = new IAMClient({ ...sdkConfig(region, { env }), credentials: await assumeRole(c, account) });
      try {
        await createRole(iam, EXECUTION_ROLE, trust({ AWS: `arn:aws:iam::${admin}:root` }));
      } finally {
        iam.destroy();
      }
    }
  } finally {
    c.destroy();
  }
}

export interface CycleOptions {
  readonly rosterFile: string;
  readonly roster: readonly Participant[];
  /** The stack (stackPrefix) the app synthesizes. */
  readonly stack: string;
  /** An already synthesized fleet template (skips cdk synth). */
  readonly template?: FleetTemplate;
  readonly contextArgs?: string[];
  readonly log?: (line: string) => void;
  /** Poll interval (ms) while following StackSet operations. */
  readonly pollMs?: number;
  /** Called with the emulator after deploy and verify, before destroy (tests read the accounts here). */
  readonly beforeDestroy?: (emulator: Emulator, template: FleetTemplate) => Promise<void>;
}

export interface CycleReport {
  readonly ok: boolean;
  readonly steps: { step: string; code: number; seconds: number }[];
}

export async function runFleetCycle(o: CycleOptions): Promise<CycleReport> {
  const log = o.log ?? ((l: string) => console.log(l));
  const steps: CycleReport['steps'] = [];
  if (!o.template) log('=== Synthesizing the template for the StackSet');
  const template = o.template ?? (await synthFleetTemplate(o.stack, o.contextArgs ?? []));
  log('=== Starting the local AWS emulator with several accounts (MOTO_ACCOUNT_ID unset)');
  const emulator = await startEmulator({ multiAccount: true });
  try {
    const env = { ...emulator.env };
    const admin = '123456789012';
    log(`=== Emulator on ${emulator.endpoint}; admin account ${admin}; roles for ${o.roster.length} account(s)`);
    await createFleetRoles(env, 'us-east-1', admin, o.roster.map((p) => p.accountId));
    const common = ['--roster', o.rosterFile, '--poll-seconds', String((o.pollMs ?? 200) / 1000), ...(o.contextArgs ?? [])];
    const run = async (step: string, args: string[]) => {
      log(`\n=== fleet ${step}`);
      const started = Date.now();
      const code = await runFleet([step, ...args, ...common], { env, log: (l) => log(`  ${l}`), template });
      steps.push({ step, code, seconds: (Date.now() - started) / 1000 });
      return code;
    };
    const deployed = await run('deploy', []);
    const verified = deployed === 0 ? await run('verify', []) : 1;
    if (o.beforeDestroy) await o.beforeDestroy(emulator, template);
    const destroyed = await run('destroy', []);
    return { ok: deployed === 0 && verified === 0 && destroyed === 0, steps };
  } finally {
    await emulator.stop();
  }
}

/** `npm run local -- --roster FILE`: the cycle with the config's stack name; prints the steps; the exit code. */
export async function localFleet(rosterFile: string, context: Record<string, string>): Promise<number> {
  const config = operatorConfig(context);
  const contextArgs = Object.entries(context).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const report = await runFleetCycle({ rosterFile, roster: readRoster(rosterFile), stack: workshopNames(config).stack, contextArgs });
  console.log('\n=== Fleet steps');
  for (const s of report.steps) console.log(`  ${s.code === 0 ? 'ok    ' : 'FAILED'} ${s.step.padEnd(10)} ${s.seconds.toFixed(1)} s`);
  console.log(report.ok ? '\nFleet deployed, verified and destroyed in every roster account of the local emulator: nothing left.' : '\nFAILED (see above).');
  return report.ok ? 0 : 1;
}
