/**
 * npm run demo -- isolate <instance id> | release <instance id>
 *
 * isolate: what choosing the Security Hub custom action "Isolate instance" on a finding about the
 * instance does. The finding is the instance's newest active one in Security Hub, else a demo
 * finding imported for it (BatchImportFindings, the account's default product); the function
 * IsolateFunctionName is invoked with the custom-action event EventBridge would deliver
 * (EventBridge refuses PutEvents with an aws.* source). Prints the instance's security groups and
 * the forensic snapshots after. release: the recorded groups back, printed.
 */
import { DescribeInstancesCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { AwsSecurityFinding, BatchImportFindingsCommand, GetFindingsCommand } from '@aws-sdk/client-securityhub';
import { isolationSettings } from '../../lib/config/isolation';
import { CUSTOM_ACTION_EVENT, ISOLATE_ACTION } from '../../lib/config/security-hub';
import type { CustomActionEvent, IsolateResult } from '../../lib/handlers/isolate-instance';
import type { AwsClients } from '../operator/clients';
import { invokeFunction, requireOutput } from './stack';
import type { DemoCommand, DemoContext } from './types';

const DEPLOY_HINT = 'deploy with -c day2=true (npm run local -- --keep -c day2=true, or npx cdk deploy -c day2=true)';

export const checkInstanceId = (id: string): string | undefined => (/^i-([0-9a-f]{8}|[0-9a-f]{17})$/.test(id) ? undefined : 'an EC2 instance id, e.g. i-0123456789abcdef0');

/** Region and account of the custom action's ARN (arn:<partition>:securityhub:<region>:<account>:action/custom/<id>). */
export function accountOf(actionArn: string): { partition: string; region: string; account: string } {
  const [, partition, , region, account] = actionArn.split(':');
  return { partition, region, account };
}

/** The event EventBridge delivers when a participant chooses the custom action on these findings. */
export function customActionEvent(actionArn: string, findings: unknown[]): CustomActionEvent & Record<string, unknown> {
  const { region, account } = accountOf(actionArn);
  return {
    version: '0',
    id: `demo-${Date.now()}`,
    'detail-type': CUSTOM_ACTION_EVENT.detailType,
    source: CUSTOM_ACTION_EVENT.source,
    account,
    time: new Date().toISOString(),
    region,
    resources: [actionArn],
    detail: { actionName: ISOLATE_ACTION.name, actionDescription: ISOLATE_ACTION.description, findings: findings as CustomActionEvent['detail']['findings'] },
  };
}

/** A demo finding about the instance, as BatchImportFindings takes it. */
export function demoFinding(ctx: DemoContext, actionArn: string, instanceId: string): AwsSecurityFinding {
  const { partition, region, account } = accountOf(actionArn);
  const now = new Date().toISOString();
  return {
    SchemaVersion: '2018-10-08',
    Id: `${ctx.config.stackPrefix}-demo-isolate-${instanceId}`,
    ProductArn: `arn:${partition}:securityhub:${region}:${account}:product/${account}/default`,
    GeneratorId: `${ctx.config.stackPrefix}-demo`,
    AwsAccountId: account,
    Types: ['TTPs/Command and Control'],
    CreatedAt: now,
    UpdatedAt: now,
    Severity: { Label: 'HIGH' },
    Title: `Workshop demo: ${instanceId} is to be isolated`,
    Description: 'Imported by npm run demo -- isolate, standing in for a GuardDuty finding about the instance.',
    Resources: [{ Type: 'AwsEc2Instance', Id: `arn:${partition}:ec2:${region}:${account}:instance/${instanceId}`, Region: region }],
  };
}

/** The instance's newest active finding (filtered here too: the local emulator ignores Filters). */
async function findingFor(c: AwsClients, resourceArn: string): Promise<AwsSecurityFinding | undefined> {
  const out = await c.securityhub.send(
    new GetFindingsCommand({
      Filters: { ResourceId: [{ Value: resourceArn, Comparison: 'EQUALS' }], RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }] },
      SortCriteria: [{ Field: 'UpdatedAt', SortOrder: 'desc' }],
      MaxResults: 100,
    }),
  );
  return (out.Findings ?? []).filter((f) => f.RecordState !== 'ARCHIVED' && f.Resources?.some((r) => r.Id === resourceArn)).sort((a, b) => (b.UpdatedAt ?? '').localeCompare(a.UpdatedAt ?? ''))[0];
}

/** The instance's finding once Security Hub shows it: a few tries, a few seconds apart. */
export async function waitForFinding(c: AwsClients, resourceArn: string, tries = 10, pauseMs = 3_000): Promise<AwsSecurityFinding | undefined> {
  for (let i = 1; ; i++) {
    const found = await findingFor(c, resourceArn);
    if (found || i >= tries) return found;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

async function printInstance(ctx: DemoContext, instanceId: string, findingId?: string): Promise<void> {
  const s = isolationSettings(ctx.config);
  const i = (await ctx.c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations?.[0]?.Instances?.[0];
  ctx.log(`${instanceId}: ${i?.State?.Name ?? 'unknown'}${i?.Tags?.find((t) => t.Key === s.isolatedTag) ? `, ${s.isolatedTag} ${i.Tags.find((t) => t.Key === s.isolatedTag)!.Value}` : ''}`);
  for (const n of i?.NetworkInterfaces ?? []) ctx.log(`  ${n.NetworkInterfaceId}: ${(n.Groups ?? []).map((g) => `${g.GroupId} (${g.GroupName})`).join(', ')}`);
  if (!findingId) return;
  const snaps = await ctx.c.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: `tag:${s.findingTag}`, Values: [findingId.slice(-256)] }] }));
  for (const snap of snaps.Snapshots ?? []) ctx.log(`  snapshot ${snap.SnapshotId} of ${snap.VolumeId} (${snap.State})`);
}

export const isolate: DemoCommand = {
  name: 'isolate',
  operand: '<instance id>',
  summary: 'the Security Hub action "Isolate instance" on a finding about the instance',
  check: checkInstanceId,
  async run(instanceId, ctx) {
    const fn = requireOutput(ctx.outputs, 'IsolateFunctionName', DEPLOY_HINT);
    const actionArn = requireOutput(ctx.outputs, 'SecurityHubCustomActionArn', DEPLOY_HINT);
    const template = demoFinding(ctx, actionArn, instanceId);
    const resourceArn = template.Resources![0].Id!;
    let finding = await findingFor(ctx.c, resourceArn);
    if (!finding) {
      const out = await ctx.c.securityhub.send(new BatchImportFindingsCommand({ Findings: [template] }));
      if (out.FailedCount) throw new Error(`Security Hub refused the demo finding: ${JSON.stringify(out.FailedFindings)}`);
      ctx.log(`imported demo finding ${template.Id}`);
      // Security Hub shows an imported finding after a moment: the action needs it there (BatchUpdateFindings).
      finding = await waitForFinding(ctx.c, resourceArn);
      if (!finding) throw new Error(`Security Hub does not show the demo finding ${template.Id} yet: run the demo again in a minute`);
    }
    ctx.log(`isolating ${instanceId} for finding ${finding.Id}`);
    const result = (await invokeFunction(ctx.c, fn, customActionEvent(actionArn, [finding]))) as IsolateResult;
    for (const i of result.isolated) ctx.log(i.skipped ? `${i.instanceId}: ${i.skipped}` : `${i.instanceId}: ${i.changed.join('; ') || 'isolated already: nothing changed'}`);
    if (result.noted.length) ctx.log(`noted on the finding, workflow status NOTIFIED`);
    if (result.isolated.some((i) => i.skipped)) return 1;
    await printInstance(ctx, instanceId, finding.Id);
    return 0;
  },
};

export const release: DemoCommand = {
  name: 'release',
  operand: '<instance id>',
  summary: 'put the security groups recorded at isolation back',
  check: checkInstanceId,
  async run(instanceId, ctx) {
    const fn = requireOutput(ctx.outputs, 'IsolateFunctionName', DEPLOY_HINT);
    const result = (await invokeFunction(ctx.c, fn, { release: [instanceId] })) as IsolateResult;
    const restored = Object.keys(result.released[0]?.restored ?? {});
    ctx.log(restored.length ? `released ${instanceId}: ${restored.length} network interface(s) restored` : `${instanceId} was not isolated: nothing to restore`);
    await printInstance(ctx, instanceId);
    return 0;
  },
};
