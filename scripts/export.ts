/**
 * npm run export -- DIR [-c key=value ...]
 * Synthesizes the app with the project's CDK CLI into a temporary directory and writes
 * DIR/SecurityWorkshop.template.json (the one template, standing alone: no CDK bootstrap, no
 * assets, no nested stacks) and DIR/PARAMETERS.md (its parameters and outputs), for a console
 * upload or a workshop platform that takes one CloudFormation template per account. Exit 1, with
 * every reason, when the template does not stand alone (or the synth fails); 2 on a usage error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCommandLine } from './operator/args';
import { runCommand } from './operator/command';
import { operatorConfig } from './operator/context';
import { synthAssembly } from './operator/template';
import { readStandalone, renderParametersMd } from './export/standalone';

export const EXPORT_SPEC = {
  usage: 'usage: npm run export -- DIR [-c key=value ...]   (writes DIR/<stack>.template.json and DIR/PARAMETERS.md)',
  flags: {},
} as const;

export class ExportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The template does not stand alone; nothing written:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ExportError';
  }
}

/** The positional DIR, and the other arguments for the shared parser (-c key=value pairs kept together). */
function splitDir(argv: readonly string[]): { dirs: string[]; rest: string[] } {
  const dirs: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c' || a === '--context') rest.push(a, ...(i + 1 < argv.length ? [argv[++i]] : []));
    else if (a.startsWith('-')) rest.push(a);
    else dirs.push(a);
  }
  return { dirs, rest };
}

async function main(): Promise<number> {
  const { dirs, rest } = splitDir(process.argv.slice(2));
  const args = parseCommandLine(EXPORT_SPEC, rest);
  if (dirs.length !== 1) {
    console.error(`${dirs.length === 0 ? 'the directory to write to is missing' : `one directory, got ${dirs.length}: ${dirs.join(' ')}`}\n${EXPORT_SPEC.usage}`);
    return 2;
  }
  const outDir = path.resolve(dirs[0]);
  const config = operatorConfig(args.context); // a bad -c value stops here, before the synth
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-export-'));
  try {
    await synthAssembly(tmp, args.cdkContextArgs);
    const { stackName, templateFile, text, template, bytes, problems } = readStandalone(tmp);
    if (problems.length > 0) throw new ExportError(problems);

    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, templateFile), text);
    fs.writeFileSync(
      path.join(outDir, 'PARAMETERS.md'),
      renderParametersMd({ stackName, templateFile, template, bytes, config, contextArgs: args.cdkContextArgs }),
    );
    const outputs = Object.keys(template.Outputs ?? {}).length;
    console.log(`${path.join(outDir, templateFile)}: ${bytes} bytes, ${Object.keys(template.Parameters ?? {}).length} parameters, ${outputs} outputs; no bootstrap, no assets, no nested stacks`);
    console.log(`${path.join(outDir, 'PARAMETERS.md')}`);
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) runCommand(main, { failureCode: 1 });
