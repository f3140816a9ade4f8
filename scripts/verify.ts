/**
 * npm run verify [-- --context key=value ...] [--strict] [--json] [--wide] [--leftovers]
 *
 * Reads the deployed workshop from the endpoint the environment says (AWS_ENDPOINT_URL for the
 * local emulator, else AWS with your credentials) and compares it with the configuration in
 * cdk.json (+ --context overrides, as given to cdk deploy). Exit 0: no MISMATCH; 1: MISMATCH
 * or a missing resource (with --strict, NOT RECORDED too); 2: verify itself failed.
 * --leftovers lists what still exists of the workshop instead (exit 1 if anything does).
 */
import { formatSummary, formatTable, leftovers, parseContextArgs, verifyEnvironment } from './verify/index';

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
    const report = await leftovers({ context });
    if (flags.has('--json')) console.log(JSON.stringify(report, null, 2));
    else {
      for (const l of report.items) console.log(`${l.kind}\t${l.id}${l.name ? `\t${l.name}` : ''}\t(${l.via})`);
      for (const s of report.skipped) console.log(`not checked: ${s}`);
      console.log(report.items.length === 0 ? 'Nothing of the workshop remains.' : `${report.items.length} workshop resource(s) remain.`);
    }
    return report.items.length === 0 ? 0 : 1;
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
