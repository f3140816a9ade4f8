/**
 * npm run check [-- --part identity|network|compute|detection|investigation] [--json] [-c key=value ...]
 *
 * With a participant's credentials (or AWS_ENDPOINT_URL for the local emulator), reads their
 * account and grades what they built by hand against the workshop's table, step by step, printing
 * each step as soon as it is graded: ✓ done, ✗ wrong (expected, found, a hint), ◐ in progress,
 * · not started. Extras (another VPC, SSH open in the default VPC) are warnings.
 * Exit 0: no step wrong; 1: a step is wrong; 2: usage error or the check itself failed.
 */
import { WORKSHOP_PARTS, WorkshopPart } from '../lib/config/settings/parts';
import { checkEnvironment, formatStep } from './check/index';
import { parseCommandLine, textFlag, UsageError } from './operator/args';
import { awsClients } from './operator/clients';
import { runCommand } from './operator/command';
import { operatorConfig } from './operator/context';

const CHECK_SPEC = {
  usage: `usage: npm run check -- [--part ${WORKSHOP_PARTS.join('|')}] [--json] [-c key=value ...]`,
  flags: { part: 'text', json: 'switch' },
} as const;

async function main(): Promise<number> {
  const args = parseCommandLine(CHECK_SPEC);
  const part = textFlag(args, 'part');
  if (part !== undefined && !(WORKSHOP_PARTS as readonly string[]).includes(part)) {
    console.error(new UsageError(`--part ${JSON.stringify(part)}: one of ${WORKSHOP_PARTS.join(', ')}`, CHECK_SPEC.usage).message);
    return 2;
  }
  const json = args.flags.json === true;
  const config = operatorConfig(args.context);
  const c = awsClients(config.region, {});
  try {
    const result = await checkEnvironment(c, config, {
      parts: part ? [part as WorkshopPart] : undefined,
      onPart: (p) => !json && console.log(`\n${p[0].toUpperCase()}${p.slice(1)}`),
      onStep: (s) => !json && console.log(formatStep(s).join('\n')),
    });
    if (json) {
      console.log(JSON.stringify(result, null, 2));
      return result.ok ? 0 : 1;
    }
    if (result.warnings.length) console.log(`\nWarnings (not failures):\n${result.warnings.map((w) => `  ! ${w}`).join('\n')}`);
    const count = (status: string) => result.steps.filter((s) => s.status === status).length;
    console.log(
      `\nAccount ${result.account}, ${config.region}${c.emulator ? ' (local emulator)' : ''}: ${count('done')} done, ${count('wrong')} wrong, ` +
        `${count('in progress')} in progress, ${count('not started')} not started.`,
    );
    return result.ok ? 0 : 1;
  } finally {
    c.destroy();
  }
}

runCommand(main, { drain: true, describe: (e) => `check failed: ${(e as Error)?.stack ?? e}` });
