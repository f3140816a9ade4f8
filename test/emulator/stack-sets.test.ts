/**
 * CloudFormation StackSets on the emulator across several accounts (patches/cfn_stack_sets.py,
 * patches/cfn_ssm_parameter_not_found.py). MOTO_ACCOUNT_ID stays unset: the administrator account is
 * moto's default (123456789012, the test credentials), and each target account is reached by
 * sts:AssumeRole into arn:aws:iam::<account>:role/AWSCloudFormationStackSetExecutionRole (moto maps
 * the session's keys to that account).
 */
import {
  CloudFormationClient,
  CreateStackCommand,
  CreateStackInstancesCommand,
  CreateStackSetCommand,
  DeleteStackInstancesCommand,
  DeleteStackSetCommand,
  DescribeStackInstanceCommand,
  DescribeStacksCommand,
  DescribeStackSetCommand,
  DescribeStackSetOperationCommand,
  ListStackInstancesCommand,
  ListStackSetOperationResultsCommand,
  ListStackSetOperationsCommand,
  Parameter,
  StackSetOperationPreferences,
  UpdateStackInstancesCommand,
  UpdateStackSetCommand,
} from '@aws-sdk/client-cloudformation';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';
import { ADMIN_ROLE, createAdministrationRole, EXECUTION_ROLE } from './stack-sets-support';

jest.setTimeout(60_000);

const ADMIN = '123456789012'; // moto's default account: the test credentials
const [A, B, C, D] = ['111111111111', '222222222222', '333333333333', '444444444444'];
const REGION = 'us-east-1';

let emu: Emulator;
let cfn: CloudFormationClient; // administrator account
const clients = new Map<string, { cfn: CloudFormationClient; ssm: SSMClient; iam: IAMClient; sts: STSClient }>();

type Config = ReturnType<typeof emulatorConfig>;

/** Credentials of a session in `account`, by AssumeRole into its StackSet execution role (which need not exist: moto). */
async function accountConfig(account: string): Promise<Config> {
  const sts = new STSClient(emulatorConfig(emu));
  const res = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/${EXECUTION_ROLE}`, RoleSessionName: 'stack-sets-test' }));
  sts.destroy();
  const c = res.Credentials!;
  return { ...emulatorConfig(emu), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken } } as Config;
}

function inAccount(account: string) {
  return clients.get(account)!;
}

const trustAdmin = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ADMIN}:root` }, Action: 'sts:AssumeRole' }],
});

beforeAll(async () => {
  emu = await startEmulator();
  cfn = new CloudFormationClient(emulatorConfig(emu));
  await createAdministrationRole(emu);
  for (const account of [A, B, C, D]) {
    const config = await accountConfig(account);
    clients.set(account, { cfn: new CloudFormationClient(config), ssm: new SSMClient(config), iam: new IAMClient(config), sts: new STSClient(config) });
  }
  // D has no execution role.
  for (const account of [A, B, C]) {
    await inAccount(account).iam.send(new CreateRoleCommand({ RoleName: EXECUTION_ROLE, AssumeRolePolicyDocument: trustAdmin }));
  }
});

afterAll(async () => {
  cfn?.destroy();
  for (const c of clients.values()) for (const client of Object.values(c)) client.destroy();
  await emu?.stop();
});

/** A small template with one parameter: an SSM parameter whose value is the parameter's. */
function greetingTemplate(name: string): string {
  return JSON.stringify({
    Parameters: { Greeting: { Type: 'String', Default: 'from-default' } },
    Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: name, Type: 'String', Value: { Ref: 'Greeting' } } } },
    Outputs: { Value: { Value: { Ref: 'Greeting' } } },
  });
}

async function valueIn(account: string, name: string): Promise<string | undefined> {
  try {
    return (await inAccount(account).ssm.send(new GetParameterCommand({ Name: name }))).Parameter?.Value;
  } catch (e) {
    if ((e as Error).name === 'ParameterNotFound') return undefined;
    throw e;
  }
}

async function stackIn(account: string, stackId: string) {
  return (await inAccount(account).cfn.send(new DescribeStacksCommand({ StackName: stackId }))).Stacks?.[0];
}

async function instance(stackSetName: string, account: string) {
  return (await cfn.send(new DescribeStackInstanceCommand({ StackSetName: stackSetName, StackInstanceAccount: account, StackInstanceRegion: REGION }))).StackInstance!;
}

async function operation(stackSetName: string, operationId: string) {
  return (await cfn.send(new DescribeStackSetOperationCommand({ StackSetName: stackSetName, OperationId: operationId }))).StackSetOperation!;
}

async function results(stackSetName: string, operationId: string) {
  const res = await cfn.send(new ListStackSetOperationResultsCommand({ StackSetName: stackSetName, OperationId: operationId }));
  return Object.fromEntries((res.Summaries ?? []).map((r) => [r.Account!, { status: r.Status, reason: r.StatusReason }]));
}

async function createInstances(stackSetName: string, accounts: string[], overrides?: Parameter[], prefs?: StackSetOperationPreferences) {
  const res = await cfn.send(new CreateStackInstancesCommand({
    StackSetName: stackSetName, Accounts: accounts, Regions: [REGION], ParameterOverrides: overrides, OperationPreferences: prefs,
  }));
  return res.OperationId!;
}

test('the target accounts are reached by assuming a role in them', async () => {
  for (const account of [A, B, C, D]) {
    expect((await inAccount(account).sts.send(new GetCallerIdentityCommand({}))).Account).toBe(account);
  }
});

describe('a self-managed StackSet with per-account parameter overrides', () => {
  const name = 'greeting';
  const param = '/stackset/greeting';

  test('each instance is a stack in its account with its own parameter value', async () => {
    await cfn.send(new CreateStackSetCommand({
      StackSetName: name, TemplateBody: greetingTemplate(param), Parameters: [{ ParameterKey: 'Greeting', ParameterValue: 'from-set' }],
      AdministrationRoleARN: `arn:aws:iam::${ADMIN}:role/${ADMIN_ROLE}`, ExecutionRoleName: EXECUTION_ROLE, PermissionModel: 'SELF_MANAGED',
    }));
    const ops = [
      await createInstances(name, [A], [{ ParameterKey: 'Greeting', ParameterValue: 'alpha' }]),
      await createInstances(name, [B], [{ ParameterKey: 'Greeting', ParameterValue: 'bravo' }]),
      await createInstances(name, [C]),
    ];
    for (const op of ops) expect((await operation(name, op)).Status).toBe('SUCCEEDED');

    expect(await valueIn(A, param)).toBe('alpha');
    expect(await valueIn(B, param)).toBe('bravo');
    expect(await valueIn(C, param)).toBe('from-set');
    expect(await valueIn(ADMIN, param).catch(() => undefined)).toBeUndefined(); // nothing in the admin account

    for (const [account, value] of [[A, 'alpha'], [B, 'bravo'], [C, 'from-set']]) {
      const inst = await instance(name, account);
      expect(inst).toMatchObject({ Account: account, Region: REGION, Status: 'CURRENT', StackInstanceStatus: { DetailedStatus: 'SUCCEEDED' } });
      expect(inst.StackId).toMatch(new RegExp(`^arn:aws:cloudformation:${REGION}:${account}:stack/StackSet-${name}-`));
      const stack = await stackIn(account, inst.StackId!);
      expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
      expect(stack?.Outputs?.find((o) => o.OutputKey === 'Value')?.OutputValue).toBe(value);
    }
    const listed = await cfn.send(new ListStackInstancesCommand({ StackSetName: name }));
    expect(listed.Summaries?.map((s) => s.Account).sort()).toEqual([A, B, C]);
    expect((await cfn.send(new ListStackSetOperationsCommand({ StackSetName: name }))).Summaries?.map((s) => s.Status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  });

  test('UpdateStackInstances changes an override: that account\'s stack is updated', async () => {
    const res = await cfn.send(new UpdateStackInstancesCommand({
      StackSetName: name, Accounts: [A], Regions: [REGION], ParameterOverrides: [{ ParameterKey: 'Greeting', ParameterValue: 'alpha-2' }],
    }));
    expect((await operation(name, res.OperationId!)).Status).toBe('SUCCEEDED');
    const inst = await instance(name, A);
    expect(inst.ParameterOverrides).toEqual([{ ParameterKey: 'Greeting', ParameterValue: 'alpha-2' }]);
    expect((await stackIn(A, inst.StackId!))?.Outputs?.find((o) => o.OutputKey === 'Value')?.OutputValue).toBe('alpha-2');
    expect(await valueIn(B, param)).toBe('bravo');
  });

  test('UpdateStackSet with a new stack-set value updates the instances without an override', async () => {
    const res = await cfn.send(new UpdateStackSetCommand({
      StackSetName: name, UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Greeting', ParameterValue: 'from-set-2' }],
    }));
    expect((await operation(name, res.OperationId!)).Status).toBe('SUCCEEDED');
    const inst = await instance(name, C);
    expect((await stackIn(C, inst.StackId!))?.Outputs?.find((o) => o.OutputKey === 'Value')?.OutputValue).toBe('from-set-2');
    const instB = await instance(name, B);
    expect((await stackIn(B, instB.StackId!))?.Outputs?.find((o) => o.OutputKey === 'Value')?.OutputValue).toBe('bravo');
  });

  test('DeleteStackInstances deletes the stacks and their resources; then the StackSet is deleted', async () => {
    const stackIds = Object.fromEntries(await Promise.all([A, B, C].map(async (a) => [a, (await instance(name, a)).StackId!] as const)));
    const res = await cfn.send(new DeleteStackInstancesCommand({ StackSetName: name, Accounts: [A, B, C], Regions: [REGION], RetainStacks: false }));
    expect((await operation(name, res.OperationId!)).Status).toBe('SUCCEEDED');
    for (const account of [A, B, C]) {
      expect(await valueIn(account, param)).toBeUndefined();
      expect((await stackIn(account, stackIds[account]))?.StackStatus).toBe('DELETE_COMPLETE'); // by id: the deleted stack
    }
    expect((await cfn.send(new ListStackInstancesCommand({ StackSetName: name }))).Summaries).toEqual([]);
    await cfn.send(new DeleteStackSetCommand({ StackSetName: name }));
    await expect(cfn.send(new DescribeStackSetCommand({ StackSetName: name }))).rejects.toThrow(/StackSet.*not found|not found/i);
  });
});

describe('failures: execution role, failure tolerance, SSM parameters of the target account, capabilities', () => {
  const param = '/stackset/tolerance';

  test('an account without the execution role fails its instance with the reason; within the tolerance the others succeed', async () => {
    const name = 'tolerant';
    await cfn.send(new CreateStackSetCommand({ StackSetName: name, TemplateBody: greetingTemplate(param) }));
    const op = await createInstances(name, [A, D, B], undefined, { FailureToleranceCount: 1, MaxConcurrentCount: 1 });
    const described = await operation(name, op);
    expect(described.Status).toBe('SUCCEEDED');
    expect(described.StatusDetails?.FailedStackInstancesCount).toBe(1);
    const reason = `Account ${D} should have '${EXECUTION_ROLE}' role with trust relationship to Role '${ADMIN_ROLE}'.`;
    expect(await results(name, op)).toEqual({
      [A]: { status: 'SUCCEEDED', reason: undefined },
      [D]: { status: 'FAILED', reason },
      [B]: { status: 'SUCCEEDED', reason: undefined },
    });
    expect(await instance(name, D)).toMatchObject({ Status: 'OUTDATED', StackInstanceStatus: { DetailedStatus: 'FAILED' }, StatusReason: reason });
    expect((await instance(name, D)).StackId).toBeUndefined();
    expect(await valueIn(D, param)).toBeUndefined();
    expect(await valueIn(A, param)).toBe('from-default');
    expect(await valueIn(B, param)).toBe('from-default');

    const del = await cfn.send(new DeleteStackInstancesCommand({ StackSetName: name, Accounts: [A, D, B], Regions: [REGION], RetainStacks: false }));
    expect((await operation(name, del.OperationId!)).Status).toBe('SUCCEEDED');
    expect(await valueIn(A, param)).toBeUndefined();
    await cfn.send(new DeleteStackSetCommand({ StackSetName: name }));
  });

  test('beyond the failure tolerance (default 0) the operation stops: FAILED, the remaining account CANCELLED', async () => {
    const name = 'strict';
    await cfn.send(new CreateStackSetCommand({ StackSetName: name, TemplateBody: greetingTemplate('/stackset/strict') }));
    const op = await createInstances(name, [A, D, B]);
    expect((await operation(name, op)).Status).toBe('FAILED');
    const r = await results(name, op);
    expect([r[A].status, r[D].status, r[B].status]).toEqual(['SUCCEEDED', 'FAILED', 'CANCELLED']);
    expect(await instance(name, B)).toMatchObject({ Status: 'OUTDATED', StackInstanceStatus: { DetailedStatus: 'CANCELLED' } });
    expect(await valueIn(B, '/stackset/strict')).toBeUndefined();
    await cfn.send(new DeleteStackInstancesCommand({ StackSetName: name, Accounts: [A, D, B], Regions: [REGION], RetainStacks: false }));
    await cfn.send(new DeleteStackSetCommand({ StackSetName: name }));
  });

  test('an SSM parameter type resolves in the target account; where it is missing, that instance fails ("Unable to fetch parameters")', async () => {
    const name = 'ssm-lookup';
    await inAccount(A).ssm.send(new PutParameterCommand({ Name: '/team/name', Type: 'String', Value: 'team-of-A' }));
    const template = JSON.stringify({
      Parameters: { Team: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/team/name' } },
      Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/stackset/team', Type: 'String', Value: { Ref: 'Team' } } } },
    });
    await cfn.send(new CreateStackSetCommand({ StackSetName: name, TemplateBody: template }));
    const op = await createInstances(name, [A, B], undefined, { FailureToleranceCount: 1, MaxConcurrentCount: 2 });
    const r = await results(name, op);
    expect(r[A]).toEqual({ status: 'SUCCEEDED', reason: undefined });
    expect(r[B]).toEqual({ status: 'FAILED', reason: 'Unable to fetch parameters [/team/name] from parameter store for this account.' });
    expect(await valueIn(A, '/stackset/team')).toBe('team-of-A');
    await cfn.send(new DeleteStackInstancesCommand({ StackSetName: name, Accounts: [A, B], Regions: [REGION], RetainStacks: false }));
    await cfn.send(new DeleteStackSetCommand({ StackSetName: name }));
  });

  test('self-managed: an administration role missing in the administrator account fails the instances, naming it', async () => {
    const name = 'no-admin-role';
    await cfn.send(new CreateStackSetCommand({
      StackSetName: name, TemplateBody: greetingTemplate('/stackset/no-admin'), AdministrationRoleARN: `arn:aws:iam::${ADMIN}:role/NoSuchAdminRole`,
    }));
    const op = await createInstances(name, [A]);
    expect(await results(name, op)).toEqual({
      [A]: { status: 'FAILED', reason: `Account ${ADMIN} should have 'NoSuchAdminRole' role with trust relationship to CloudFormation service.` },
    });
    expect(await valueIn(A, '/stackset/no-admin')).toBeUndefined();
    await cfn.send(new DeleteStackInstancesCommand({ StackSetName: name, Accounts: [A], Regions: [REGION], RetainStacks: false }));
    await cfn.send(new DeleteStackSetCommand({ StackSetName: name }));
  });

  test('CreateStack too: an SSM parameter type naming a parameter the account lacks is a ValidationError, no stack', async () => {
    const template = JSON.stringify({
      Parameters: { Missing: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/not/here' } },
      Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { Ref: 'Missing' } } } },
    });
    await expect(inAccount(C).cfn.send(new CreateStackCommand({ StackName: 'ssm-missing', TemplateBody: template })))
      .rejects.toThrow('Unable to fetch parameters [/not/here] from parameter store for this account.');
    await expect(stackIn(C, 'ssm-missing')).rejects.toThrow(/does not exist/);
  });

  test('RetainStacks keeps the stack in the account and removes only the instance', async () => {
    const name = 'retained';
    await cfn.send(new CreateStackSetCommand({ StackSetName: name, TemplateBody: greetingTemplate('/stackset/retained') }));
    await createInstances(name, [C]);
    const stackId = (await instance(name, C)).StackId!;
    await cfn.send(new DeleteStackInstancesCommand({ StackSetName: name, Accounts: [C], Regions: [REGION], RetainStacks: true }));
    expect((await stackIn(C, stackId))?.StackStatus).toBe('CREATE_COMPLETE');
    expect(await valueIn(C, '/stackset/retained')).toBe('from-default');
    await cfn.send(new DeleteStackSetCommand({ StackSetName: name }));
  });

  test('a named IAM resource needs CAPABILITY_NAMED_IAM; the template can come from S3 (TemplateURL)', async () => {
    const template = JSON.stringify({
      Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'named-by-stackset', AssumeRolePolicyDocument: JSON.parse(trustAdmin) } } },
    });
    const s3 = new S3Client({ ...emulatorConfig(emu), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'stackset-templates' }));
    await s3.send(new PutObjectCommand({ Bucket: 'stackset-templates', Key: 'role.json', Body: template }));
    s3.destroy();
    const TemplateURL = `${emu.endpoint}/stackset-templates/role.json`;
    await expect(cfn.send(new CreateStackSetCommand({ StackSetName: 'named-iam', TemplateURL }))).rejects.toThrow('Requires capabilities : [CAPABILITY_NAMED_IAM]');
    await expect(cfn.send(new CreateStackSetCommand({ StackSetName: 'named-iam', TemplateURL, Capabilities: ['CAPABILITY_IAM'] }))).rejects.toThrow(/CAPABILITY_NAMED_IAM/);
    await cfn.send(new CreateStackSetCommand({ StackSetName: 'named-iam', TemplateURL, Capabilities: ['CAPABILITY_NAMED_IAM'] }));
    const op = await createInstances('named-iam', [B]);
    expect((await operation('named-iam', op)).Status).toBe('SUCCEEDED');
    const role = await inAccount(B).iam.send(new GetRoleCommand({ RoleName: 'named-by-stackset' }));
    expect(role.Role?.Arn).toBe(`arn:aws:iam::${B}:role/named-by-stackset`);
    await cfn.send(new DeleteStackInstancesCommand({ StackSetName: 'named-iam', Accounts: [B], Regions: [REGION], RetainStacks: false }));
    await cfn.send(new DeleteStackSetCommand({ StackSetName: 'named-iam' }));
  });
});
