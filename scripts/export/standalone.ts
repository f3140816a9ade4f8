/**
 * The standalone template, for a console upload or a workshop platform that takes one
 * CloudFormation template per account: what makes it stand alone (checked), and PARAMETERS.md
 * (its parameters and outputs, for the person filling in the form).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { participantParameters } from '../../lib/config/parameters';
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import type { CfnTemplate } from '../operator/template';

/** CloudFormation's limit for a template passed through S3 (the console uploads to S3 itself). */
export const TEMPLATE_MAX_BYTES = 1_000_000;
/** CloudFormation's limit for a template passed inline (TemplateBody) rather than through S3. */
export const TEMPLATE_BODY_MAX_BYTES = 51_200;
/** Workshop platforms that take one template per account show at most 50 outputs. */
export const MAX_OUTPUTS = 50;


/** What a synthesized cloud assembly holds beside the template. */
export interface AssemblyFacts {
  /** Stack names in the assembly. */
  readonly stacks: string[];
  /** Asset files other than the stack template itself, and Docker images (asset manifests). */
  readonly assets: string[];
}

/** Every reason the template does not stand alone; empty when it does. */
export function standaloneProblems(template: CfnTemplate, bytes: number, facts: AssemblyFacts): string[] {
  const problems: string[] = [];
  if (facts.stacks.length !== 1) problems.push(`the app synthesizes ${facts.stacks.length} stacks (${facts.stacks.join(', ')}): one template per account needs exactly one`);
  if (bytes > TEMPLATE_MAX_BYTES) problems.push(`the template has ${bytes} bytes: CloudFormation takes at most ${TEMPLATE_MAX_BYTES} (1 MB)`);
  const outputs = Object.keys(template.Outputs ?? {}).length;
  if (outputs > MAX_OUTPUTS) problems.push(`the template has ${outputs} outputs: a workshop platform takes at most ${MAX_OUTPUTS}`);
  if (template.Parameters?.BootstrapVersion) {
    problems.push('the template has the BootstrapVersion parameter (an SSM parameter of the CDK bootstrap stack): CloudFormation fails with "Unable to fetch parameters" in an account that is not bootstrapped');
  }
  if (template.Rules?.CheckBootstrapVersion) problems.push('the template has the CheckBootstrapVersion rule: it needs the CDK bootstrap stack');
  if (facts.assets.length > 0) problems.push(`the template needs assets (${facts.assets.join(', ')}): they live in the CDK bootstrap bucket, which a participant account does not have`);
  const nested = Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === 'AWS::CloudFormation::Stack').map(([id]) => id);
  if (nested.length > 0) problems.push(`the template has nested stacks (${nested.join(', ')}): their templates would be assets`);
  return problems;
}

/** Stacks and assets of a cloud assembly directory (cdk.out), from its manifests. */
export function assemblyFacts(dir: string): AssemblyFacts & { templateFiles: Record<string, string> } {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    artifacts?: Record<string, { type: string; properties?: { templateFile?: string; stackName?: string; file?: string } }>;
  };
  const artifacts = Object.entries(manifest.artifacts ?? {});
  const stacks = artifacts.filter(([, a]) => a.type === 'aws:cloudformation:stack');
  const templateFiles = Object.fromEntries(stacks.map(([id, a]) => [a.properties?.stackName ?? id, a.properties!.templateFile!]));
  const ownTemplates = new Set(Object.values(templateFiles));
  const assets: string[] = [];
  for (const [, a] of artifacts.filter(([, x]) => x.type === 'cdk:asset-manifest')) {
    const m = JSON.parse(fs.readFileSync(path.join(dir, a.properties!.file!), 'utf8')) as {
      files?: Record<string, { source: { path?: string } }>;
      dockerImages?: Record<string, { source: { directory?: string } }>;
    };
    for (const [hash, f] of Object.entries(m.files ?? {})) if (!ownTemplates.has(f.source.path ?? '')) assets.push(f.source.path ?? hash);
    for (const [hash, d] of Object.entries(m.dockerImages ?? {})) assets.push(`docker image ${d.source.directory ?? hash}`);
  }
  return { stacks: Object.keys(templateFiles), assets, templateFiles };
}

/** The one template of a synthesized cloud assembly, read and checked to stand alone. */
export interface StandaloneTemplate {
  readonly stackName: string;
  readonly templateFile: string;
  readonly text: string;
  readonly template: CfnTemplate;
  readonly bytes: number;
  /** Every reason it does not stand alone; empty when it does. */
  readonly problems: string[];
}

export function readStandalone(dir: string): StandaloneTemplate {
  const facts = assemblyFacts(dir);
  const [stackName = ''] = facts.stacks;
  const templateFile = facts.templateFiles[stackName] ?? '';
  const text = stackName ? fs.readFileSync(path.join(dir, templateFile), 'utf8') : '{}';
  const template = JSON.parse(text) as CfnTemplate;
  const bytes = Buffer.byteLength(text);
  return { stackName, templateFile, text, template, bytes, problems: standaloneProblems(template, bytes, facts) };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
const code = (text: string) => (text === '' ? '(empty)' : `\`${text.replace(/\|/g, '\\|')}\``);

/**
 * PARAMETERS.md: how to deploy the file, each parameter (name, default, allowed pattern,
 * description), each output. The per-participant parameters come first, in their order.
 */
export function renderParametersMd(opts: {
  readonly stackName: string;
  readonly templateFile: string;
  readonly template: CfnTemplate;
  readonly bytes: number;
  readonly config: WorkshopConfig;
  readonly contextArgs: readonly string[];
}): string {
  const { template, config } = opts;
  const perParticipant = participantParameters(config).map((p) => p.name);
  const all = Object.entries(template.Parameters ?? {});
  const ordered = [
    ...perParticipant.flatMap((name) => all.filter(([n]) => n === name)),
    ...all.filter(([n]) => !perParticipant.includes(n)),
  ];
  const outputs = Object.entries(template.Outputs ?? {});
  const lines = [
    `# ${opts.stackName}: one participant's template`,
    '',
    `\`${opts.templateFile}\` is the whole environment of one participant of the workshop "AWS Security logging, monitoring and incident response", as one CloudFormation template that stands alone: no CDK bootstrap, no assets, no nested stacks. Upload it in the CloudFormation console (Create stack, Upload a template file), or give it to a workshop platform that takes one template per account.`,
    '',
    `- Stack name: \`${opts.stackName}\` (the names of the investigation resources start with it).`,
    `- Region: \`${config.region}\` only: the subnets are in ${config.availabilityZones.map((z) => `\`${z}\``).join(', ')} (written into the template).`,
    '- Capabilities: `CAPABILITY_NAMED_IAM` (the template names its IAM group, user and roles).',
    `- Size: ${opts.bytes} bytes (CloudFormation: at most ${TEMPLATE_MAX_BYTES} through S3, as the console uploads it; ${TEMPLATE_BODY_MAX_BYTES} inline as TemplateBody).`,
    `- Resources: ${Object.keys(template.Resources ?? {}).length}; outputs: ${outputs.length} (at most ${MAX_OUTPUTS}).`,
    `- Synthesized ${opts.contextArgs.length > 0 ? `with \`${opts.contextArgs.join(' ')}\`` : 'with the settings of cdk.json'}; the parameters' defaults come from those settings.`,
    '',
    '## Parameters',
    '',
    `The first ${perParticipant.length} differ between participants: set them per account. The others are public SSM parameters of the AMIs: leave them as they are.`,
    '',
    '| Parameter | Default | Allowed pattern | Max length | Description |',
    '|---|---|---|---|---|',
    ...ordered.map(([name, p]) => {
      const pattern = p.AllowedPattern !== undefined ? code(p.AllowedPattern) : `(type \`${p.Type}\`)`;
      return `| \`${name}\` | ${code(String(p.Default ?? ''))} | ${pattern} | ${p.MaxLength ?? ''} | ${cell(p.Description ?? '')} |`;
    }),
    '',
    '## Outputs',
    '',
    '| Output | Description |',
    '|---|---|',
    ...outputs.map(([name, o]) => `| \`${name}\` | ${cell(o.Description ?? '')} |`),
    '',
  ];
  return lines.join('\n');
}
