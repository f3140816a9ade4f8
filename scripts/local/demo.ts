/**
 * The day-2 demos in `npm run local -- -c day2=true`, after verify: `block` then `unblock` of a
 * documentation address (198.51.100.7, which nothing routes), so the run shows GuardDuty auto-block
 * at work and leaves nothing blocked.
 */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { blockDemo, unblockDemo } from '../demo/auto-block';
import { stackOutputs } from '../demo/stack';
import { awsClients } from '../operator/clients';

export const LOCAL_DEMO_ADDRESS = '198.51.100.7';

/** Runs the demos; true when each did what it shows (exit code 0). Undefined without day 2. */
export async function runLocalDemos(env: Record<string, string | undefined>, config: WorkshopConfig, log: (line: string) => void): Promise<boolean | undefined> {
  if (!config.day2 || !config.parts.includes('network')) return undefined;
  const c = awsClients(config.region, { env });
  try {
    const ctx = { c, config, outputs: await stackOutputs(c, config.stackPrefix), log: (l: string) => log(`  ${l}`) };
    let ok = true;
    for (const demo of [blockDemo, unblockDemo]) {
      log(`\n=== Demo: npm run demo -- ${demo.name} ${LOCAL_DEMO_ADDRESS}`);
      const code = await demo.run(LOCAL_DEMO_ADDRESS, ctx);
      log(`=== Demo ${demo.name}: ${code === 0 ? 'done' : 'FAILED'}`);
      ok &&= code === 0;
    }
    return ok;
  } finally {
    c.destroy();
  }
}
