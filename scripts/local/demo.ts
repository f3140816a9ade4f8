/**
 * The day-2 demos in `npm run local -- -c day2=true`, after verify: `block` then `unblock` of a
 * documentation address (198.51.100.7, which nothing routes), so the run shows GuardDuty auto-block
 * at work and leaves nothing blocked; then the isolation demos on the Ubuntu instance
 * (./isolation-demos.ts).
 */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { blockDemo, unblockDemo } from '../demo/auto-block';
import { stackOutputs } from '../demo/stack';
import type { DemoCommand } from '../demo/types';
import { awsClients } from '../operator/clients';
import { isolationDemos } from './isolation-demos';

export const LOCAL_DEMO_ADDRESS = '198.51.100.7';

export interface LocalDemoOptions {
  /** End with the Ubuntu instance isolated (the emulator without --keep: destroy must clean it up). */
  readonly leaveIsolated?: boolean;
}

/** Runs the demos; true when each did what it shows (exit code 0). Undefined without day 2. */
export async function runLocalDemos(
  env: Record<string, string | undefined>,
  config: WorkshopConfig,
  log: (line: string) => void,
  opts: LocalDemoOptions = {},
): Promise<boolean | undefined> {
  if (!config.day2) return undefined;
  const c = awsClients(config.region, { env });
  try {
    const ctx = { c, config, outputs: await stackOutputs(c, config.stackPrefix), log: (l: string) => log(`  ${l}`) };
    const runs: [DemoCommand, string][] = config.parts.includes('network') ? [blockDemo, unblockDemo].map((d) => [d, LOCAL_DEMO_ADDRESS]) : [];
    if (config.parts.includes('compute')) {
      const isolation = await isolationDemos(ctx, opts.leaveIsolated ?? false);
      if (!isolation) {
        log(`\n=== Demo isolate: no running Ubuntu instance to isolate`);
        return false;
      }
      runs.push(...isolation.demos.map((d): [DemoCommand, string] => [d, isolation.instanceId]));
    }
    let ok = true;
    for (const [demo, operand] of runs) {
      log(`\n=== Demo: npm run demo -- ${demo.name} ${operand}`);
      const code = await demo.run(operand, ctx);
      log(`=== Demo ${demo.name}: ${code === 0 ? 'done' : 'FAILED'}`);
      ok &&= code === 0;
    }
    return runs.length ? ok : undefined;
  } finally {
    c.destroy();
  }
}
