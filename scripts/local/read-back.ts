/** What `npm run local` reads back besides verify: the caller's account, the stacks with their outputs, what the custom resources did. */
import { DescribeStacksCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WORKSHOP_TAG_KEY, WorkshopConfig, workshopNames } from '../../lib/config/workshop-config';
import { awsClients, callerTarget } from '../operator/clients';

export interface Effects {
  readonly guardDutyDetectors: string[];
  readonly defaultVpcName?: string;
}

export interface StackState {
  readonly name: string;
  readonly status: string;
  readonly outputs: Record<string, string>;
  /** Resource types in the template that the endpoint did not create (no physical id). */
  readonly notCreated: string[];
}

export async function callerAccount(env: Record<string, string | undefined>): Promise<string> {
  const c = awsClients(env.AWS_REGION ?? 'us-east-1', { env });
  try {
    return (await callerTarget(c)).account;
  } catch (e) {
    throw new Error(`No usable AWS credentials (${(e as Error).name}: ${(e as Error).message}). Configure them (aws configure / AWS_PROFILE), or run without --aws to use the local emulator.`);
  } finally {
    c.destroy();
  }
}

/**
 * The workshop's stacks as CloudFormation reports them, with their outputs and the resources of
 * the synthesized template (in `assembly`) that the endpoint reports no physical id for.
 */
export async function stackStates(env: Record<string, string | undefined>, config: WorkshopConfig, assembly: string): Promise<StackState[]> {
  const c = awsClients(config.region, { env });
  const { cfn } = c;
  const prefix = `${workshopNames(config).stack}-`;
  try {
    const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({}));
    const ours = Stacks.filter((s) => s.StackName?.startsWith(prefix) || s.Tags?.some((t) => t.Key === WORKSHOP_TAG_KEY));
    const states: StackState[] = [];
    for (const s of ours) {
      const created = new Set<string>();
      let token: string | undefined;
      do {
        const page = await cfn.send(new ListStackResourcesCommand({ StackName: s.StackName, NextToken: token }));
        for (const r of page.StackResourceSummaries ?? []) if (r.PhysicalResourceId && r.LogicalResourceId) created.add(r.LogicalResourceId);
        token = page.NextToken;
      } while (token);
      const templateFile = path.join(assembly, `${s.StackName}.template.json`);
      const resources: Record<string, { Type: string; Condition?: string }> = fs.existsSync(templateFile) ? JSON.parse(fs.readFileSync(templateFile, 'utf8')).Resources : {};
      // A resource under a Condition (the alarm email's subscription) is absent by design when its condition is false.
      const notCreated = new Set(Object.entries(resources).filter(([id, r]) => !created.has(id) && !r.Condition).map(([, r]) => r.Type));
      states.push({
        name: s.StackName ?? '',
        status: s.StackStatus ?? '',
        outputs: Object.fromEntries((s.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? ''])),
        notCreated: [...notCreated].sort(),
      });
    }
    return states.sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    c.destroy();
  }
}

export async function customResourceEffects(env: Record<string, string | undefined>, region: string): Promise<Effects> {
  const c = awsClients(region, { env });
  try {
    const { DetectorIds = [] } = await c.guardduty.send(new ListDetectorsCommand({}));
    const { Vpcs = [] } = await c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
    const defaultVpcName = Vpcs[0]?.Tags?.find((t) => t.Key === 'Name')?.Value;
    return { guardDutyDetectors: DetectorIds, defaultVpcName };
  } finally {
    c.destroy();
  }
}

export function printSummary(log: (l: string) => void, stacks: StackState[], effects: Effects) {
  log('\n=== What was created');
  for (const s of stacks) {
    log(`${s.name}: ${s.status}`);
    for (const [k, v] of Object.entries(s.outputs)) log(`  ${k} = ${v.includes('\n') ? `\n${v.replace(/^/gm, '      ')}` : v}`);
    if (s.notCreated.length > 0) log(`  not created by this endpoint (skipped by the emulator): ${s.notCreated.join(', ')}`);
  }
  log(`GuardDuty detector(s): ${effects.guardDutyDetectors.join(', ') || 'none'}; default VPC Name tag: ${effects.defaultVpcName ?? '(none)'}`);
}
