/**
 * npm run local [-- --keep] [-- --aws] [-- -c key=value ...]
 *
 * The main job. Default: start the local AWS emulator, cdk bootstrap + deploy, verify the
 * environment against the workshop table, print what was created, cdk destroy, check that
 * nothing is left, stop the emulator. --keep: stay up until Ctrl-C, then destroy.
 * --aws: deploy to the AWS account of your credentials instead, verify, and leave it up for the
 * workshop (take it down with `npm run destroy`).
 * --roster FILE: the fleet cycle instead: a StackSet deploy into every roster account of the emulator,
 * fleet verify, fleet destroy, leftovers in each account.
 */
import { localFleet } from './fleet/cycle';
import { RosterError } from './fleet/roster';
import { runLocal } from './local/pipeline';
import { parseCommandLine } from './operator/args';
import { runCommand } from './operator/command';
import { exitCodeOf, exitOnStop, stopSignal } from './operator/signals';

const LOCAL_SPEC = {
  usage: 'usage: npm run local -- [--keep] [--aws] [--roster FILE] [-c key=value ...]',
  flags: { keep: 'switch', aws: 'switch', roster: 'text' },
} as const;

async function main(): Promise<number> {
  const { context, flags } = parseCommandLine(LOCAL_SPEC);
  // --roster: the fleet cycle (StackSet into every roster account of the emulator), scripts/fleet/cycle.ts.
  if (typeof flags.roster === 'string') {
    // The room runs on the emulator only; against AWS it is `npm run fleet -- deploy --roster FILE`.
    if (flags.aws === true || flags.keep === true) {
      console.error(`--roster runs the room's cycle on the emulator and takes neither --aws nor --keep (against AWS: npm run fleet -- deploy --roster ${flags.roster})\n${LOCAL_SPEC.usage}`);
      return 2;
    }
    exitOnStop(); // the fleet cycle does not wind down itself: a signal stops it at once (the emulator with it)
    return localFleet(flags.roster, context).catch((e) => {
      if (!(e instanceof RosterError)) throw e;
      console.error(e.message);
      return 2;
    });
  }
  const keep = flags.keep === true;
  const aws = flags.aws === true;
  // Ctrl-C or SIGTERM (runCommand's 'abort' mode, scripts/operator/signals.ts): with --keep, while kept
  // up, it means "take it down now"; otherwise the run stops promptly (runLocal says what is left).
  const untilStopped = new Promise<void>((resolve) => stopSignal.addEventListener('abort', () => resolve(), { once: true }));
  const report = await runLocal({ target: aws ? 'aws' : 'emulator', keep, context, keepUntil: () => untilStopped, stop: stopSignal });
  if (report.interrupted) {
    console.error(`\n${report.advice}`);
    return exitCodeOf(report.interrupted);
  }
  console.log('\n=== Steps');
  for (const s of report.steps) console.log(`  ${s.ok ? 'ok    ' : 'FAILED'} ${s.step.padEnd(10)} ${s.seconds.toFixed(1)} s`);
  if (!report.ok) {
    console.error(`\nFAILED. ${report.advice ?? ''}`);
    return 1;
  }
  console.log(aws ? '\nDeployed and verified.' : '\nDeployed, verified and destroyed against the local emulator: nothing left.');
  return 0;
}

runCommand(main, { failureCode: 1, describe: (e) => `\nFAILED: ${(e as Error).message}`, onSignal: 'abort' });
