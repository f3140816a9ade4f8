/**
 * npm run leftovers [-- --participant NAME] [--json] [-c key=value ...]
 * Lists what is left of the workshop in the target account and region (every participant's
 * unless --participant). Exit 1 if anything that the destroy should have removed is still there,
 * 2 if nothing was found but some lookups could not be made (or the command failed).
 */
import { formatLeftovers, leftoverExitCode, scanLeftovers } from './leftovers/find';
import { parseCommandLine, textFlag } from './operator/args';
import { runCommand } from './operator/command';

const LEFTOVERS_SPEC = {
  usage: 'usage: npm run leftovers -- [--participant NAME] [--json] [-c key=value ...]',
  flags: { participant: 'text', json: 'switch' },
} as const;

async function main(): Promise<number> {
  const args = parseCommandLine(LEFTOVERS_SPEC);
  const participant = textFlag(args, 'participant');
  const scan = await scanLeftovers({ context: args.context, participant });
  console.log(args.flags.json ? JSON.stringify(scan, null, 2) : formatLeftovers(scan));
  return leftoverExitCode(scan);
}

runCommand(main);
