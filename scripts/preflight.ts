/**
 * npm run preflight [-- -c key=value ...] [--json]
 * Checks the target account and region (credentials from the environment, or AWS_ENDPOINT_URL
 * for the local emulator) before `cdk deploy`. Exit 1 on a blocker, 2 on a usage error.
 */
import { parseCommandLine } from './operator/args';
import { awsClients } from './operator/clients';
import { operatorConfig } from './operator/context';
import { errorMessage } from './operator/errors';
import { formatFindings, hasBlocker, runPreflight } from './preflight/run';
import { runCommand } from './operator/command';

const PREFLIGHT_SPEC = { usage: 'usage: npm run preflight -- [-c key=value ...] [--json]', flags: { json: 'switch' } } as const;

async function main(): Promise<number> {
  const args = parseCommandLine(PREFLIGHT_SPEC);
  let config;
  try {
    config = operatorConfig(args.context);
  } catch (e) {
    console.error(errorMessage(e));
    return 2;
  }
  const clients = awsClients(config.region);
  try {
    const findings = await runPreflight(config, clients);
    console.log(args.flags.json ? JSON.stringify(findings, null, 2) : formatFindings(findings));
    return hasBlocker(findings) ? 1 : 0;
  } finally {
    clients.destroy();
  }
}

runCommand(main, { describe: (e) => e });
