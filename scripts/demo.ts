/**
 * npm run demo -- <command> <operand> [-c key=value ...]
 *
 * Day-2 demos without an attacker, against the deployed stack (AWS_ENDPOINT_URL for the local
 * emulator, else AWS with your credentials): each command invokes a deployed handler with the
 * event AWS would send and prints what changed. The commands come from scripts/demo/index.
 * Exit 0: done; 1: the demo ran but found the environment wrong; 2: usage error or the demo failed.
 */
import { parseArgs, UsageError } from './operator/args';
import { awsClients } from './operator/clients';
import { runCommand } from './operator/command';
import { operatorConfig } from './operator/context';
import { DEMO_COMMANDS } from './demo/index';
import { stackOutputs } from './demo/stack';
import type { DemoCommand } from './demo/types';

export function demoUsage(commands: readonly DemoCommand[] = DEMO_COMMANDS): string {
  const lines = commands.map((d) => `  npm run demo -- ${`${d.name} ${d.operand}`.padEnd(28)} ${d.summary}`);
  return ['usage: npm run demo -- <command> <operand> [-c key=value ...]', ...(lines.length ? lines : ['  (no demo commands: none of the day-2 features is built yet)'])].join('\n');
}

/** The command and operand of argv, or a UsageError naming what is wrong; settings (-c) after them. */
export function parseDemoArgs(argv: readonly string[], commands: readonly DemoCommand[] = DEMO_COMMANDS) {
  const usage = demoUsage(commands);
  const [name, operand, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') return { help: true as const, usage };
  const command = commands.find((d) => d.name === name);
  if (!command) {
    const allowed = commands.map((d) => d.name).join(', ') || 'none yet';
    throw new UsageError(`unknown demo ${JSON.stringify(name)}: one of ${allowed}`, usage);
  }
  if (operand === undefined || operand.startsWith('-')) throw new UsageError(`demo ${name} needs ${command.operand}`, usage);
  const problem = command.check(operand);
  if (problem) throw new UsageError(`demo ${name} ${JSON.stringify(operand)}: ${problem}`, usage);
  const { context } = parseArgs({ usage, flags: {} }, rest);
  return { help: false as const, usage, command, operand, context };
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseDemoArgs>;
  try {
    parsed = parseDemoArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  if (parsed.help) {
    console.log(parsed.usage);
    return 0;
  }
  const config = operatorConfig(parsed.context);
  const c = awsClients(config.region);
  try {
    const outputs = await stackOutputs(c, config.stackPrefix);
    return await parsed.command.run(parsed.operand, { c, config, outputs, log: (line) => console.log(line) });
  } finally {
    c.destroy();
  }
}

if (require.main === module) runCommand(main, { describe: (e) => `demo failed: ${(e as Error)?.message ?? e}` });
