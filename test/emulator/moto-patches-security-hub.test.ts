/**
 * The emulator patches of the day-2 respond part (scripts/emulator/patches/securityhub_standards_actions_insights.py,
 * config_recording_mode.py, iam_service_linked_role_config.py; detective_graphs.py is checked in
 * test/handlers/detective-graph.test.ts): moto 5.2.1 behaves as AWS documents.
 */
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { ConfigServiceClient, DeleteConfigurationRecorderCommand, DescribeConfigurationRecordersCommand, PutConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { CreateServiceLinkedRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  BatchDisableStandardsCommand,
  BatchEnableStandardsCommand,
  CreateActionTargetCommand,
  DescribeStandardsCommand,
  DisableSecurityHubCommand,
  EnableSecurityHubCommand,
  GetEnabledStandardsCommand,
  GetInsightsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';

jest.setTimeout(60_000);

let emu: Emulator;
let sh: SecurityHubClient;
let cfn: CloudFormationClient;
let config: ConfigServiceClient;
let iam: IAMClient;

beforeAll(async () => {
  emu = await startEmulator();
  const c = emulatorConfig(emu);
  sh = new SecurityHubClient(c);
  cfn = new CloudFormationClient(c);
  config = new ConfigServiceClient(c);
  iam = new IAMClient(c);
});
afterAll(async () => {
  for (const client of [sh, cfn, config, iam]) client?.destroy();
  await emu?.stop();
});

const subscribed = async () => ((await sh.send(new GetEnabledStandardsCommand({}))).StandardsSubscriptions ?? []).map((s) => s.StandardsArn).sort();

test('Security Hub: standards offered, the default ones with EnableSecurityHub, subscribe and unsubscribe, errors as AWS', async () => {
  await expect(sh.send(new GetEnabledStandardsCommand({}))).rejects.toMatchObject({ name: 'InvalidAccessException' });
  const offered = (await sh.send(new DescribeStandardsCommand({}))).Standards ?? [];
  expect(offered.filter((s) => s.EnabledByDefault).map((s) => s.StandardsArn)).toEqual([
    'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0',
    'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
  ]);
  expect(offered.map((s) => s.StandardsArn)).toContain('arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/5.0.0');

  await sh.send(new EnableSecurityHubCommand({})); // EnableDefaultStandards defaults to true
  expect(await subscribed()).toEqual([
    'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0',
    'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
  ]);
  const nist = 'arn:aws:securityhub:us-east-1::standards/nist-800-53/v/5.0.0';
  const enabled = await sh.send(new BatchEnableStandardsCommand({ StandardsSubscriptionRequests: [{ StandardsArn: nist }] }));
  expect(enabled.StandardsSubscriptions).toEqual([
    { StandardsSubscriptionArn: 'arn:aws:securityhub:us-east-1:123456789012:subscription/nist-800-53/v/5.0.0', StandardsArn: nist, StandardsInput: {}, StandardsStatus: 'PENDING' },
  ]);
  const disabled = await sh.send(new BatchDisableStandardsCommand({ StandardsSubscriptionArns: ['arn:aws:securityhub:us-east-1:123456789012:subscription/nist-800-53/v/5.0.0'] }));
  expect(disabled.StandardsSubscriptions?.[0]?.StandardsStatus).toBe('DELETING');
  await expect(sh.send(new BatchEnableStandardsCommand({ StandardsSubscriptionRequests: [{ StandardsArn: 'arn:aws:securityhub:us-east-1::standards/none/v/1.0.0' }] }))).rejects.toMatchObject({
    name: 'InvalidInputException',
  });
  await sh.send(new CreateActionTargetCommand({ Id: 'Twice', Name: 'Twice', Description: 'x' }));
  await expect(sh.send(new CreateActionTargetCommand({ Id: 'Twice', Name: 'Twice', Description: 'x' }))).rejects.toMatchObject({ name: 'ResourceConflictException' });

  await sh.send(new DisableSecurityHubCommand({}));
  await sh.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  expect(await subscribed()).toEqual([]);
  await sh.send(new DisableSecurityHubCommand({}));
});

test('AWS::SecurityHub::Insight through CloudFormation: created (Ref and GetAtt InsightArn) and deleted with the stack', async () => {
  await sh.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  const filters = { ResourceTags: [{ Key: 'workshop', Value: 'aws-security-logging-monitoring-ir', Comparison: 'EQUALS' }] };
  const template = {
    Resources: { Insight: { Type: 'AWS::SecurityHub::Insight', Properties: { Name: 'by resource', GroupByAttribute: 'ResourceId', Filters: filters } } },
    Outputs: { Ref: { Value: { Ref: 'Insight' } }, Arn: { Value: { 'Fn::GetAtt': ['Insight', 'InsightArn'] } } },
  };
  await cfn.send(new CreateStackCommand({ StackName: 'insight', TemplateBody: JSON.stringify(template) }));
  const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'insight' }))).Stacks?.[0];
  expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
  const out = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  expect(out.Ref).toMatch(/^arn:aws:securityhub:us-east-1:123456789012:insight\/123456789012\/custom\/[0-9a-f-]{36}$/);
  expect(out.Arn).toBe(out.Ref);
  const insights = (await sh.send(new GetInsightsCommand({}))).Insights ?? [];
  expect(insights).toEqual([{ InsightArn: out.Ref, Name: 'by resource', GroupByAttribute: 'ResourceId', Filters: filters }]);

  await cfn.send(new DeleteStackCommand({ StackName: 'insight' }));
  for (let i = 0; i < 100 && ((await sh.send(new GetInsightsCommand({}))).Insights ?? []).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect((await sh.send(new GetInsightsCommand({}))).Insights).toEqual([]);
  await sh.send(new DisableSecurityHubCommand({}));
});

test('AWS Config keeps recordingMode (default CONTINUOUS); IAM names Config\'s service-linked role as AWS and refuses a second one with InvalidInput', async () => {
  const role = (await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'config.amazonaws.com' }))).Role;
  expect([role?.RoleName, role?.Path]).toEqual(['AWSServiceRoleForConfig', '/aws-service-role/config.amazonaws.com/']);
  await expect(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'config.amazonaws.com' }))).rejects.toMatchObject({
    name: 'InvalidInputException',
    message: 'Service role name AWSServiceRoleForConfig has been taken in this account, please try a different suffix.',
  });

  const roleARN = role!.Arn!;
  const mode = async () => (await config.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders?.[0]?.recordingMode;
  await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN, recordingMode: { recordingFrequency: 'DAILY' } } }));
  expect(await mode()).toEqual({ recordingFrequency: 'DAILY' });
  await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN } }));
  expect(await mode()).toEqual({ recordingFrequency: 'CONTINUOUS' });
  await config.send(new DeleteConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
});
