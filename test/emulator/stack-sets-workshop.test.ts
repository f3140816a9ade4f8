/**
 * The real synthesized SecurityWorkshop template deployed into two accounts through a self-managed
 * StackSet (patches/cfn_stack_sets.py). MOTO_ACCOUNT_ID unset; each account is reached by
 * sts:AssumeRole into its AWSCloudFormationStackSetExecutionRole.
 *
 * As synthesized, the template has no `BootstrapVersion` parameter and no CheckBootstrapVersion
 * rule (lib/workshop-app.ts): the target accounts are not bootstrapped, and with that SSM
 * parameter (as CDK writes it by default) each instance fails with "Unable to fetch parameters",
 * as on AWS. The template as synthesized deploys with all its resources, custom resources
 * included, in each target account, each with its own ParticipantName (a parameter override).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CloudFormationClient,
  CreateStackInstancesCommand,
  CreateStackSetCommand,
  DeleteStackInstancesCommand,
  DeleteStackSetCommand,
  DescribeStackInstanceCommand,
  DescribeStacksCommand,
  DescribeStackSetOperationCommand,
  ListStackSetOperationResultsCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { CreateRoleCommand, GetRoleCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { cdk } from '../../scripts/local/cdk-cli';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';
import { createAdministrationRole, EXECUTION_ROLE } from './stack-sets-support';

jest.setTimeout(300_000);

const ADMIN = '123456789012';
const ACCOUNTS = ['555555555555', '666666666666'];
const REGION = 'us-east-1';

let emu: Emulator;
let cfn: CloudFormationClient;
let template: any;
let tmp: string;
const configs = new Map<string, ReturnType<typeof emulatorConfig>>();

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-sets-workshop-'));
  const out = path.join(tmp, 'cdk.out');
  const cdkHome = path.join(tmp, 'cdk-home');
  fs.mkdirSync(cdkHome);
  const lines: string[] = [];
  const env: Record<string, string | undefined> = { ...process.env, CDK_HOME: cdkHome };
  for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key];
  const run = await cdk(['synth', '-q', '-o', out], { env, log: (l) => lines.push(l), timeoutMs: 180_000 });
  if (run.code !== 0) throw new Error(`cdk synth failed:\n${lines.join('\n')}`);
  template = JSON.parse(fs.readFileSync(path.join(out, 'SecurityWorkshop.template.json'), 'utf8'));

  emu = await startEmulator();
  cfn = new CloudFormationClient(emulatorConfig(emu));
  await createAdministrationRole(emu);
  const sts = new STSClient(emulatorConfig(emu));
  for (const account of ACCOUNTS) {
    const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/${EXECUTION_ROLE}`, RoleSessionName: 'fleet-test' }))).Credentials!;
    const config = { ...emulatorConfig(emu), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken } } as ReturnType<typeof emulatorConfig>;
    configs.set(account, config);
    const accountIam = new IAMClient(config);
    await accountIam.send(new CreateRoleCommand({
      RoleName: EXECUTION_ROLE,
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ADMIN}:root` }, Action: 'sts:AssumeRole' }] }),
    }));
    accountIam.destroy();
  }
  sts.destroy();
}, 300_000);

afterAll(async () => {
  cfn?.destroy();
  await emu?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function operationOf(name: string, operationId: string) {
  const op = (await cfn.send(new DescribeStackSetOperationCommand({ StackSetName: name, OperationId: operationId }))).StackSetOperation!;
  const res = await cfn.send(new ListStackSetOperationResultsCommand({ StackSetName: name, OperationId: operationId }));
  return { status: op.Status, results: Object.fromEntries((res.Summaries ?? []).map((r) => [r.Account!, [r.Status, r.StatusReason]])) };
}

const workshopVpcs = async (config: ReturnType<typeof emulatorConfig>) => {
  const ec2 = new EC2Client(config);
  try {
    return ((await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? []).filter((v) => v.CidrBlock === '10.0.0.0/16').length;
  } finally {
    ec2.destroy();
  }
};

test('with the BootstrapVersion parameter CDK writes by default: each non-bootstrapped account fails "Unable to fetch parameters"', async () => {
  expect(template.Parameters.BootstrapVersion).toBeUndefined();
  expect(template.Rules).toBeUndefined();
  const withBootstrap = {
    ...template,
    Parameters: { ...template.Parameters, BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } },
  };
  await cfn.send(new CreateStackSetCommand({ StackSetName: 'workshop-as-synthesized', TemplateBody: JSON.stringify(withBootstrap), Capabilities: ['CAPABILITY_NAMED_IAM'] }));
  const res = await cfn.send(new CreateStackInstancesCommand({
    StackSetName: 'workshop-as-synthesized', Accounts: ACCOUNTS, Regions: [REGION], OperationPreferences: { FailureToleranceCount: 1, MaxConcurrentCount: 2 },
  }));
  const reason = 'Unable to fetch parameters [/cdk-bootstrap/hnb659fds/version] from parameter store for this account.';
  expect(await operationOf('workshop-as-synthesized', res.OperationId!)).toEqual({
    status: 'FAILED', // 2 failures > tolerance 1
    results: Object.fromEntries(ACCOUNTS.map((a) => [a, ['FAILED', reason]])),
  });
  for (const account of ACCOUNTS) {
    const inst = (await cfn.send(new DescribeStackInstanceCommand({ StackSetName: 'workshop-as-synthesized', StackInstanceAccount: account, StackInstanceRegion: REGION }))).StackInstance!;
    expect(inst).toMatchObject({ Status: 'OUTDATED', StackInstanceStatus: { DetailedStatus: 'FAILED' }, StatusReason: reason });
    expect(await workshopVpcs(configs.get(account)!)).toBe(0);
  }
  await cfn.send(new DeleteStackInstancesCommand({ StackSetName: 'workshop-as-synthesized', Accounts: ACCOUNTS, Regions: [REGION], RetainStacks: false }));
  await cfn.send(new DeleteStackSetCommand({ StackSetName: 'workshop-as-synthesized' }));
});

test('as synthesized: SecurityWorkshop with its resources and custom resources in each account, named per participant; deleted again', async () => {
  const body = JSON.stringify(template);
  await expect(cfn.send(new CreateStackSetCommand({ StackSetName: 'workshop-fleet', TemplateBody: body }))).rejects.toThrow('Requires capabilities : [CAPABILITY_NAMED_IAM]');
  await cfn.send(new CreateStackSetCommand({ StackSetName: 'workshop-fleet', TemplateBody: body, Capabilities: ['CAPABILITY_NAMED_IAM'] }));
  // One operation per participant: the parameter overrides of an operation apply to all its accounts.
  // The second participant's role trusts the administrator account.
  const participants: Record<string, { name: string; trusted: string }> = {
    [ACCOUNTS[0]]: { name: 'alice', trusted: ACCOUNTS[0] },
    [ACCOUNTS[1]]: { name: 'bob', trusted: ADMIN },
  };
  for (const account of ACCOUNTS) {
    const p = participants[account];
    const res = await cfn.send(new CreateStackInstancesCommand({
      StackSetName: 'workshop-fleet',
      Accounts: [account],
      Regions: [REGION],
      ParameterOverrides: [
        { ParameterKey: 'ParticipantName', ParameterValue: p.name },
        ...(p.trusted !== account ? [{ ParameterKey: 'TrustedAccountId', ParameterValue: p.trusted }] : []),
      ],
    }));
    expect(await operationOf('workshop-fleet', res.OperationId!)).toEqual({ status: 'SUCCEEDED', results: { [account]: ['SUCCEEDED', undefined] } });
  }
  const stackIds: Record<string, string> = {};
  for (const account of ACCOUNTS) {
    const config = configs.get(account)!;
    const inst = (await cfn.send(new DescribeStackInstanceCommand({ StackSetName: 'workshop-fleet', StackInstanceAccount: account, StackInstanceRegion: REGION }))).StackInstance!;
    expect(inst).toMatchObject({ Status: 'CURRENT', StackInstanceStatus: { DetailedStatus: 'SUCCEEDED' } });
    stackIds[account] = inst.StackId!;
    const accountCfn = new CloudFormationClient(config);
    expect((await accountCfn.send(new DescribeStacksCommand({ StackName: inst.StackId! }))).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
    accountCfn.destroy();
    expect(await workshopVpcs(config)).toBe(1);
    const iam = new IAMClient(config);
    const { name, trusted } = participants[account];
    const role = (await iam.send(new GetRoleCommand({ RoleName: `${name}-CROSS-ACCOUNT-ROLE` }))).Role!;
    expect(role.Arn).toBe(`arn:aws:iam::${account}:role/${name}-CROSS-ACCOUNT-ROLE`);
    const trust = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!));
    expect(trust.Statement[0].Principal).toEqual({ AWS: `arn:aws:iam::${trusted}:root` });
    expect((await iam.send(new GetUserCommand({ UserName: `${name}-RO` }))).User?.Tags).toEqual(
      expect.arrayContaining([{ Key: 'workshop-participant', Value: name }]),
    );
    iam.destroy();
    // A custom resource's Lambda ran in that account (its execution role's session): GuardDuty detector there.
    const guardduty = new GuardDutyClient(config);
    expect((await guardduty.send(new ListDetectorsCommand({}))).DetectorIds?.length).toBe(1);
    guardduty.destroy();
  }
  expect(await workshopVpcs(emulatorConfig(emu))).toBe(0); // nothing in the administrator account
  const adminGuardDuty = new GuardDutyClient(emulatorConfig(emu));
  expect((await adminGuardDuty.send(new ListDetectorsCommand({}))).DetectorIds ?? []).toEqual([]);
  adminGuardDuty.destroy();

  const del = await cfn.send(new DeleteStackInstancesCommand({ StackSetName: 'workshop-fleet', Accounts: ACCOUNTS, Regions: [REGION], RetainStacks: false }));
  expect((await operationOf('workshop-fleet', del.OperationId!)).status).toBe('SUCCEEDED');
  for (const account of ACCOUNTS) {
    const accountCfn = new CloudFormationClient(configs.get(account)!);
    expect((await accountCfn.send(new DescribeStacksCommand({ StackName: stackIds[account] }))).Stacks?.[0]?.StackStatus).toBe('DELETE_COMPLETE');
    accountCfn.destroy();
    expect(await workshopVpcs(configs.get(account)!)).toBe(0);
  }
  await cfn.send(new DeleteStackSetCommand({ StackSetName: 'workshop-fleet' }));
});
