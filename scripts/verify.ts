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
import { formatSummary, formatTable, operatorConfig, parseContextArgs, verifyEnvironment } from './verify/index';

const USAGE = 'usage: npm run verify -- [--context key=value ...] [--strict] [--json] [--wide] [--leftovers]';

async function main(): Promise<number> {
  const { context, rest } = parseContextArgs(process.argv.slice(2));
  const flags = new Set(rest);
  const known = new Set(['--strict', '--json', '--wide', '--leftovers', '--help', '-h']);
  const unknown = rest.filter((a) => !known.has(a));
  if (flags.has('--help') || flags.has('-h') || unknown.length > 0) {
    if (unknown.length > 0) console.error(`unknown argument(s): ${unknown.join(' ')}`);
    console.error(USAGE);
    return unknown.length > 0 ? 2 : 0;
  }
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

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`verify failed: ${(e as Error)?.stack ?? e}`);
    process.exitCode = 2;
  },
);
