/**
 * npm run leftovers [-- --participant NAME] [--json] [-c key=value ...]
 * Lists what is left of the workshop in the target account and region (every participant's
 * unless --participant). Exit 1 if anything that the destroy should have removed is still there,
 * 2 if nothing was found but some lookups could not be made (or the command failed).
 */
import { errorMessage, parseArgs } from './operator/context';
import { formatLeftovers, leftoverExitCode, scanLeftovers } from './leftovers/find';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const participant = typeof args.flags.participant === 'string' ? args.flags.participant : undefined;
  const scan = await scanLeftovers({ context: args.context, participant });
  console.log(args.flags.json ? JSON.stringify(scan, null, 2) : formatLeftovers(scan));
  return leftoverExitCode(scan);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(errorMessage(e));
    process.exit(2);
  },
);
