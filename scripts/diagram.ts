/**
 * npm run diagram [-- --out FILE] [-c key=value ...]
 * Synthesizes the app (the project's CDK CLI, own CDK_HOME, a temp dir) and writes the diagram of
 * its environment (scripts/diagram/render-svg.ts) to FILE (default docs/environment.svg).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workshopNames } from '../lib/config/workshop-config';
import { renderSvg } from './diagram/render-svg';
import { synthFleetTemplate } from './fleet/template';
import { parseCommandLine, textFlag } from './operator/args';
import { runCommand } from './operator/command';
import { operatorConfig, ROOT } from './operator/context';

export const DIAGRAM_SPEC = {
  usage: 'usage: npm run diagram -- [--out FILE] [-c key=value ...]   (default FILE: docs/environment.svg)',
  flags: { out: 'text' },
} as const;

async function main(): Promise<number> {
  const args = parseCommandLine(DIAGRAM_SPEC);
  const config = operatorConfig(args.context);
  const out = path.resolve(textFlag(args, 'out') ?? path.join(ROOT, 'docs', 'environment.svg'));
  const template = await synthFleetTemplate(workshopNames(config).stack, args.cdkContextArgs);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, renderSvg(template));
  console.log(`wrote ${path.relative(process.cwd(), out) || out}`);
  return 0;
}

runCommand(main);
