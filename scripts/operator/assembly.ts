/** Reads a synthesized cloud assembly (cdk.out): its stacks, their template files and environments. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface StackArtifact<T = unknown> {
  /** The CloudFormation stack name. */
  readonly name: string;
  /** Template file name, relative to the assembly directory. */
  readonly templateFile: string;
  /** The account, when the stack was synthesized for one (else the template is account-agnostic). */
  readonly account?: string;
  readonly region?: string;
  /** Names of the stacks this one depends on (the manifest's dependencies that are stacks here). */
  readonly dependencies: string[];
  readonly template: T;
}

export function readStackArtifacts<T = unknown>(dir: string): StackArtifact<T>[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    artifacts?: Record<string, {
      type: string;
      environment?: string;
      dependencies?: string[];
      properties?: { templateFile?: string; stackName?: string };
    }>;
  };
  const stacks = Object.entries(manifest.artifacts ?? {}).filter(([, a]) => a.type === 'aws:cloudformation:stack' && a.properties?.templateFile);
  const stackNames = new Map(stacks.map(([id, a]) => [id, a.properties?.stackName ?? id]));
  return stacks.map(([id, a]) => {
    const [, account, region] = /^aws:\/\/([^/]+)\/(.+)$/.exec(a.environment ?? '') ?? [];
    const templateFile = a.properties!.templateFile!;
    return {
      name: stackNames.get(id)!,
      templateFile,
      account: /^\d{12}$/.test(account ?? '') ? account : undefined,
      region: region && region !== 'unknown-region' ? region : undefined,
      dependencies: (a.dependencies ?? []).filter((d) => stackNames.has(d)).map((d) => stackNames.get(d)!),
      template: JSON.parse(fs.readFileSync(path.join(dir, templateFile), 'utf8')) as T,
    };
  });
}
