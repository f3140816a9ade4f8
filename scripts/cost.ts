/**
 * npm run cost [-- --participants N | --roster FILE] [--hours H] [--markdown] [-c key=value ...]
 * Synthesizes the app twice (as configured, and the cheaper mode -c natGateways=1) into
 * cdk.out.cost/, counts the billable resources in the templates and prices them with
 * scripts/cost/prices-us-east-1.json. `--markdown` prints docs/cost.md.
 */
import * as path from 'node:path';
import { parseCommandLine, UsageError } from './operator/args';
import { RosterError } from './fleet/roster';
import { costScenarios, COST_USAGE } from './cost/room';
import { operatorConfig, ROOT } from './operator/context';
import { countResources, estimate, loadPrices } from './cost/estimate';
import { Mode, renderMarkdown, renderText, Scenario } from './cost/report';
import { readTemplates, synthAssembly } from './operator/template';
import { runCommand } from './operator/command';

const COST_SPEC = {
  usage: COST_USAGE,
  flags: { participants: 'count', roster: 'text', hours: 'positive', markdown: 'switch' },
} as const;

async function main(): Promise<number> {
  const args = parseCommandLine(COST_SPEC);
  let scenarios: Scenario[];
  try {
    scenarios = costScenarios(args);
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof RosterError)) throw e;
    console.error(e.message);
    return 2;
  }
  const config = operatorConfig(args.context); // fails early on a bad -c value
  if (config.region !== 'us-east-1') console.error(`note: prices are us-east-1's; the app is configured for ${config.region}`);
  const outRoot = path.join(ROOT, 'cdk.out.cost');
  const workshopDir = path.join(outRoot, 'workshop');
  const cheaperDir = path.join(outRoot, 'nat1');
  // On day 2 the cheaper mode also records AWS Config daily instead of continuously.
  const cheaper = config.day2 ? ['natGateways=1', 'configRecording=daily'] : ['natGateways=1'];
  await Promise.all([
    synthAssembly(workshopDir, args.cdkContextArgs),
    synthAssembly(cheaperDir, [...args.cdkContextArgs, ...cheaper.flatMap((c) => ['-c', c])]),
  ]);
  const prices = loadPrices();
  const modes: Mode[] = [
    { title: `workshop, natGateways=${config.natGateways}${config.day2 ? `, configRecording=${config.configRecording}` : ''}`, dir: workshopDir },
    { title: `cheaper, ${cheaper.join(', ')}`, dir: cheaperDir },
  ].map(({ title, dir }) => {
    const counts = countResources(readTemplates(dir));
    return { title, counts, estimate: estimate(counts, prices) };
  });
  console.log(args.flags.markdown ? renderMarkdown(modes, prices, scenarios) : renderText(modes, prices, scenarios));
  return 0;
}

runCommand(main);
