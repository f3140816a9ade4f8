/**
 * On day 2, between verify and destroy on the emulator: the demos run as an organiser would run
 * them (`npm run demo -- isolate|release <instance id>`), on the workshop's Ubuntu instance:
 * isolate, isolate again (changes nothing), release, and isolate once more, so that destroy
 * has to clean up an isolated instance, its isolation group and its snapshots.
 */
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { WorkshopConfig, workshopNames } from '../../lib/config/workshop-config';
import { isolate, release } from '../demo/isolation';
import { stackOutputs } from '../demo/stack';
import type { DemoCommand } from '../demo/types';
import { awsClients } from '../operator/clients';

export async function runDay2Demos(env: Record<string, string | undefined>, config: WorkshopConfig, log: (line: string) => void): Promise<boolean> {
  const c = awsClients(config.region, { env });
  try {
    const name = workshopNames(config).ubuntuInstance;
    const found = await c.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: [name] }, { Name: 'instance-state-name', Values: ['running'] }] }));
    const instanceId = found.Reservations?.[0]?.Instances?.[0]?.InstanceId;
    if (!instanceId) {
      log(`=== Demos: no running instance ${name} to isolate`);
      return false;
    }
    const outputs = await stackOutputs(c, config.stackPrefix);
    const run = async (command: DemoCommand): Promise<boolean> => {
      log(`\n=== npm run demo -- ${command.name} ${instanceId}`);
      const code = await command.run(instanceId, { c, config, outputs, log: (l) => log(`  ${l}`) }).catch((e: Error) => {
        log(`  demo failed: ${e.message}`);
        return 2;
      });
      return code === 0;
    };
    let ok = true;
    for (const command of [isolate, isolate, release, isolate]) ok = (await run(command)) && ok;
    return ok;
  } finally {
    c.destroy();
  }
}
