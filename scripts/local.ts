/**
 * npm run local [-- --keep] [-- --aws] [-- -c key=value ...]
 *
 * The main job. Default: start the local AWS emulator, cdk bootstrap + deploy, verify the
 * environment against the workshop table, print what was created, cdk destroy, check that
 * nothing is left, stop the emulator. --keep: stay up until Ctrl-C, then destroy.
 * --aws: deploy to the AWS account of your credentials instead, verify, and leave it up for the
 * workshop (take it down with `npm run destroy`).
 */
import { runLocal } from './local/pipeline';
import { parseCommandLine } from './operator/args';
import { runCommand } from './operator/command';

const LOCAL_SPEC = {
  usage: 'usage: npm run local -- [--keep] [--aws] [-c key=value ...]',
  flags: { keep: 'switch', aws: 'switch' },
} as const;

async function main(): Promise<number> {
  const { context, flags } = parseCommandLine(LOCAL_SPEC);
  const keep = flags.keep === true;
  const aws = flags.aws === true;
  let interrupted: () => void = () => undefined;
  const untilInterrupted = new Promise<void>((resolve) => (interrupted = resolve));
  // Ctrl-C: with --keep it means "take it down now"; otherwise the run is cut short and the
  // emulator is still stopped by runLocal's finally.
  process.on('SIGINT', () => interrupted());
  process.on('SIGTERM', () => interrupted());
  const report = await runLocal({ target: aws ? 'aws' : 'emulator', keep, context, keepUntil: () => untilInterrupted });
  console.log('\n=== Steps');
  for (const s of report.steps) console.log(`  ${s.ok ? 'ok    ' : 'FAILED'} ${s.step.padEnd(10)} ${s.seconds.toFixed(1)} s`);
  if (!report.ok) {
    console.error(`\nFAILED. ${report.advice ?? ''}`);
    return 1;
  }
  console.log(aws ? '\nDeployed and verified.' : '\nDeployed, verified and destroyed against the local emulator: nothing left.');
  return 0;
}

runCommand(main, { failureCode: 1, describe: (e) => `\nFAILED: ${(e as Error).message}` });
