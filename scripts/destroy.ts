/**
 * npm run destroy [-- -c key=value ...]
 * `cdk destroy --force` (with the same -c settings as the deploy), then checks the stack.
 * A stack left DELETE_FAILED is explained from its events (which resource, why, what to do);
 * when every blocker is one that clears by itself (dependency timing, throttling) the destroy
 * runs once more. Exit 0 when the stack is gone, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { formatStates, inspectStacks, StackState } from './destroy/explain';
import { workshopNames } from '../lib/config/workshop-config';
import { parseCommandLine } from './operator/args';
import { awsClients } from './operator/clients';
import { CDK_BIN, operatorConfig, ROOT } from './operator/context';
import { runCommand } from './operator/command';

const DESTROY_SPEC = { usage: 'usage: npm run destroy -- [-c key=value ...]', flags: {} } as const;

function cdkDestroy(contextArgs: string[]): number {
  const args = ['destroy', '--force', ...contextArgs];
  console.error(`$ cdk ${args.join(' ')}`);
  return spawnSync(CDK_BIN, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;
}

async function main(): Promise<number> {
  const args = parseCommandLine(DESTROY_SPEC);
  const config = operatorConfig(args.context);
  const names = [workshopNames(config).stack];
  const clients = awsClients(config.region);
  const { cfn, ec2 } = clients;
  try {
    let states: StackState[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const code = cdkDestroy(args.cdkContextArgs);
      states = await inspectStacks(cfn, names, { ec2, region: config.region });
      const left = states.filter((s) => s.status);
      console.log(`\nAfter cdk destroy (attempt ${attempt}, exit ${code}):\n${formatStates(states)}`);
      if (left.length === 0) {
        console.log('\nThe workshop stack is deleted. Run `npm run leftovers` to check nothing else remains.');
        return 0;
      }
      const blockers = left.flatMap((s) => s.blockers);
      const retryable = left.every((s) => s.status === 'DELETE_FAILED') && blockers.length > 0 && blockers.every((b) => b.retryable);
      if (!retryable || attempt === 2) break;
      console.log('\nEvery blocker is one that can clear by itself: deleting once more.');
    }
    console.log('\nThe stack remains: do what is listed above, then `npm run destroy` again.');
    return 1;
  } finally {
    clients.destroy();
  }
}

runCommand(main);
