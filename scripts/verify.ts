/**
 * npm run verify [-- --context key=value ...] [--strict] [--json] [--wide] [--leftovers]
 *
 * Reads the deployed workshop from the endpoint the environment says (AWS_ENDPOINT_URL for the
 * local emulator, else AWS with your credentials) and compares it with the configuration in
 * cdk.json (+ --context overrides, as given to cdk deploy). Exit 0: no MISMATCH; 1: MISMATCH
 * or a missing resource (with --strict, NOT RECORDED too); 2: verify itself failed.
 * --leftovers lists what still exists of the workshop instead, as `npm run leftovers` does for the
 * configured participant (exit 1 if anything does, 2 if some lookups could not be made).
 */
import { formatLeftovers, leftoverExitCode, scanLeftovers } from './leftovers/find';
import { parseCommandLine } from './operator/args';
import { operatorConfig } from './operator/context';
import { formatSummary, formatTable, verifyEnvironment } from './verify/index';
import { runCommand } from './operator/command';

const VERIFY_SPEC = {
  usage: 'usage: npm run verify -- [--context key=value ...] [--strict] [--json] [--wide] [--leftovers]',
  flags: { strict: 'switch', json: 'switch', wide: 'switch', leftovers: 'switch' },
} as const;

async function main(): Promise<number> {
  const { context, flags: given } = parseCommandLine(VERIFY_SPEC);
  const flags = new Set(Object.keys(given).map((f) => `--${f}`));
  if (flags.has('--leftovers')) {
    // As npm run leftovers does, for the configured participant only.
    const config = operatorConfig(context);
    const scan = await scanLeftovers({ config, participant: config.participantName });
    console.log(flags.has('--json') ? JSON.stringify(scan, null, 2) : formatLeftovers(scan));
    return leftoverExitCode(scan);
  }
  const result = await verifyEnvironment({ context, strict: flags.has('--strict') });
  if (flags.has('--json')) console.log(JSON.stringify(result, null, 2));
  else console.log(`${formatTable(result.rows, { wide: flags.has('--wide') })}\n\n${formatSummary(result)}`);
  return result.ok ? 0 : 1;
}

runCommand(main, { drain: true, describe: (e) => `verify failed: ${(e as Error)?.stack ?? e}` });
