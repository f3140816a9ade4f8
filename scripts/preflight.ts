/**
 * npm run preflight [-- -c key=value ...] [--json]
 * Checks the target account and region (credentials from the environment, or AWS_ENDPOINT_URL
 * for the local emulator) before `cdk deploy`. Exit 1 on a blocker, 2 on a usage error.
 */
import { operatorConfig, parseArgs, errorMessage } from './operator/context';
import { destroyClients, formatFindings, hasBlocker, preflightClients, runPreflight } from './preflight/checks';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  let config;
  try {
    config = operatorConfig(args.context);
  } catch (e) {
    console.error(errorMessage(e));
    return 2;
  }
  const clients = preflightClients(config.region);
  try {
    const findings = await runPreflight(config, clients);
    console.log(args.flags.json ? JSON.stringify(findings, null, 2) : formatFindings(findings));
    return hasBlocker(findings) ? 1 : 0;
  } finally {
    destroyClients(clients);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
