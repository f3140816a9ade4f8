/**
 * npm run leftovers [-- --participant NAME] [--json] [-c key=value ...]
 * Lists what is left of the workshop in the target account and region; exit 1 if anything that
 * the destroy should have removed is still there.
 */
import { errorMessage, operatorConfig, parseArgs } from './operator/context';
import { destroyLeftoverClients, findLeftovers, formatLeftovers, leftoverClients } from './leftovers/find';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = operatorConfig(args.context);
  const clients = leftoverClients(config.region);
  try {
    const list = await findLeftovers(config, clients, { participant: typeof args.flags.participant === 'string' ? args.flags.participant : undefined });
    console.log(args.flags.json ? JSON.stringify(list, null, 2) : formatLeftovers(list));
    return list.some((l) => l.shouldBeGone) ? 1 : 0;
  } finally {
    destroyLeftoverClients(clients);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(errorMessage(e));
    process.exit(2);
  },
);
