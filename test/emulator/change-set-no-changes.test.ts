/**
 * Re-deploying an unchanged stack through a change set, as `cdk deploy` does for every stack with
 * SSM parameters: the patches cfn_update_parameter_values.py, cfn_change_set_no_changes.py and the
 * DeleteChangeSet part of cfn_change_set_stack_scope.py, driven through the AWS SDK.
 * The requests are the CDK CLI's: no Parameters on create, UsePreviousValue for each on update.
 */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeChangeSetCommandOutput,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStackResourcesCommand,
  Parameter,
  Stack,
  Tag,
} from '@aws-sdk/client-cloudformation';
import { DescribeImagesCommand, DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';

jest.setTimeout(60_000);

const NO_CHANGES = "The submitted information didn't contain changes. Submit different information to create a change set.";
const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

let emu: Emulator;
let cfn: CloudFormationClient;
let ec2: EC2Client;
let ssm: SSMClient;

beforeAll(async () => {
  emu = await startEmulator();
  const config = emulatorConfig(emu);
  cfn = new CloudFormationClient(config);
  ec2 = new EC2Client(config);
  ssm = new SSMClient(config);
});

afterAll(async () => {
  for (const c of [cfn, ec2, ssm]) c?.destroy();
  await emu?.stop();
});

/** Polls until `read` gives a value `done` accepts; bounded, no fixed sleep. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stackOf = async (name: string): Promise<Stack> => (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks![0];
const settled = (name: string) => until(() => stackOf(name), (s) => !s.StackStatus?.endsWith('_IN_PROGRESS'), `stack ${name}`);

interface ChangeSetRequest {
  readonly type: 'CREATE' | 'UPDATE';
  readonly template: object;
  readonly parameters?: Parameter[];
  readonly tags?: Tag[];
}

/** CreateChangeSet, then DescribeChangeSet once it left CREATE_PENDING / CREATE_IN_PROGRESS. */
async function changeSet(stackName: string, name: string, req: ChangeSetRequest): Promise<DescribeChangeSetCommandOutput> {
  await cfn.send(
    new CreateChangeSetCommand({
      StackName: stackName,
      ChangeSetName: name,
      ChangeSetType: req.type,
      TemplateBody: JSON.stringify(req.template),
      Parameters: req.parameters,
      Tags: req.tags,
    }),
  );
  return until(
    () => cfn.send(new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: name })),
    (d) => !['CREATE_PENDING', 'CREATE_IN_PROGRESS'].includes(d.Status ?? ''),
    `change set ${name}`,
  );
}

async function execute(stackName: string, name: string): Promise<Stack> {
  await cfn.send(new ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: name }));
  return settled(stackName);
}

/** The CDK CLI's update request: UsePreviousValue for each parameter the deployed stack has. */
const previousValues = (stack: Stack): Parameter[] => (stack.Parameters ?? []).map((p) => ({ ParameterKey: p.ParameterKey, UsePreviousValue: true }));

const eventCount = async (name: string) => ((await cfn.send(new DescribeStackEventsCommand({ StackName: name }))).StackEvents ?? []).length;

async function physicalIds(stackName: string): Promise<Record<string, string | undefined>> {
  const res = await cfn.send(new ListStackResourcesCommand({ StackName: stackName }));
  return Object.fromEntries((res.StackResourceSummaries ?? []).map((r) => [r.LogicalResourceId!, r.PhysicalResourceId]));
}

async function destroy(name: string): Promise<void> {
  await cfn.send(new DeleteStackCommand({ StackName: name }));
  await until(
    () => cfn.send(new DescribeStacksCommand({ StackName: name })).then(() => 'exists', (e: Error) => (/does not exist/.test(e.message) ? 'gone' : e.message)),
    (s) => s === 'gone',
    `delete ${name}`,
  );
}

const failedNoChanges = (d: DescribeChangeSetCommandOutput) => [d.Status, d.ExecutionStatus, d.StatusReason, d.Changes ?? []];

describe('a change set with the deployed template and parameters (SSM AMI parameter, instance)', () => {
  const STACK = 'nochange-compute';
  const TAGS: Tag[] = [{ Key: 'workshop', Value: 'test' }];
  // As the CDK synthesizes it: the AMI and its BootstrapVersion come from SSM parameters.
  const template = (marker: string) => ({
    Parameters: {
      Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: AL2023 },
      BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/test/nochange/bootstrap-version' },
    },
    Resources: { Web: { Type: 'AWS::EC2::Instance', Properties: { ImageId: { Ref: 'Ami' }, InstanceType: 't3.micro' } } },
    Outputs: { WebId: { Value: { Ref: 'Web' } }, Marker: { Value: marker } },
  });
  let deployed: Stack;
  let instanceId: string | undefined;

  beforeAll(async () => {
    await ssm.send(new PutParameterCommand({ Name: '/test/nochange/bootstrap-version', Value: '33', Type: 'String' }));
    const created = await changeSet(STACK, 'first', { type: 'CREATE', template: template('one'), tags: TAGS });
    expect([created.Status, created.ExecutionStatus]).toEqual(['CREATE_COMPLETE', 'AVAILABLE']);
    deployed = await execute(STACK, 'first');
    instanceId = (await physicalIds(STACK)).Web;
  });

  afterAll(async () => {
    await destroy(STACK);
  });

  test('the stack is deployed with its instance', () => {
    expect(deployed.StackStatus).toBe('CREATE_COMPLETE');
    expect(instanceId).toMatch(/^i-/);
  });

  test("UsePreviousValue for each parameter: FAILED with AWS's reason, not executable, the stack untouched", async () => {
    const events = await eventCount(STACK);
    // moto: CREATE_COMPLETE, and ExecuteChangeSet answered HTTP 500 (the AMI id looked up as an SSM name).
    const again = await changeSet(STACK, 'again', { type: 'UPDATE', template: template('one'), parameters: previousValues(deployed), tags: TAGS });
    expect(failedNoChanges(again)).toEqual(['FAILED', 'UNAVAILABLE', NO_CHANGES, []]);
    await expect(cfn.send(new ExecuteChangeSetCommand({ StackName: STACK, ChangeSetName: 'again' }))).rejects.toMatchObject({ name: 'InvalidChangeSetStatusException' });

    const stack = await stackOf(STACK);
    expect([stack.StackStatus, stack.Outputs?.find((o) => o.OutputKey === 'Marker')?.OutputValue]).toEqual(['CREATE_COMPLETE', 'one']);
    expect(await eventCount(STACK)).toBe(events);
    expect((await physicalIds(STACK)).Web).toBe(instanceId);
    const { Reservations = [] } = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId!] }));
    expect(Reservations[0]?.Instances?.[0]?.State?.Name).toBe('running');

    // The CDK CLI deletes the empty change set, and before its next deploy deletes that name "if it exists".
    await cfn.send(new DeleteChangeSetCommand({ StackName: STACK, ChangeSetName: again.ChangeSetId }));
    await cfn.send(new DeleteChangeSetCommand({ StackName: STACK, ChangeSetName: 'again' }));
    await expect(cfn.send(new DescribeChangeSetCommand({ StackName: STACK, ChangeSetName: 'again' }))).rejects.toMatchObject({ name: 'ChangeSetNotFoundException' });
  });

  test('the SSM parameter names given again are the same values: FAILED, no changes', async () => {
    const named: Parameter[] = [
      { ParameterKey: 'Ami', ParameterValue: AL2023 },
      { ParameterKey: 'BootstrapVersion', ParameterValue: '/test/nochange/bootstrap-version' },
    ];
    const again = await changeSet(STACK, 'named', { type: 'UPDATE', template: template('one'), parameters: named, tags: TAGS });
    expect(failedNoChanges(again)).toEqual(['FAILED', 'UNAVAILABLE', NO_CHANGES, []]);
  });

  test('a changed output and stack tag: CREATE_COMPLETE, executes, the instance kept; then the same again has no changes', async () => {
    const newTags = [...TAGS, { Key: 'owner', Value: 'blue' }];
    const changed = await changeSet(STACK, 'changed', { type: 'UPDATE', template: template('two'), parameters: previousValues(deployed), tags: newTags });
    expect([changed.Status, changed.ExecutionStatus]).toEqual(['CREATE_COMPLETE', 'AVAILABLE']);
    const updated = await execute(STACK, 'changed');
    expect(updated.StackStatus).toBe('UPDATE_COMPLETE');
    expect(updated.Outputs?.find((o) => o.OutputKey === 'Marker')?.OutputValue).toBe('two');
    expect(updated.Tags).toEqual(newTags);
    // moto counted every parameter as changed and dropped the instance (no CloudFormation update for it).
    expect((await physicalIds(STACK)).Web).toBe(instanceId);

    const again = await changeSet(STACK, 'after-update', { type: 'UPDATE', template: template('two'), parameters: previousValues(updated), tags: newTags });
    expect(failedNoChanges(again)).toEqual(['FAILED', 'UNAVAILABLE', NO_CHANGES, []]);
    expect((await stackOf(STACK)).StackStatus).toBe('UPDATE_COMPLETE');
  });

  test('only a stack tag changed: a change', async () => {
    const current = await stackOf(STACK);
    const tagged = await changeSet(STACK, 'tag-only', { type: 'UPDATE', template: template('two'), parameters: previousValues(current), tags: [{ Key: 'workshop', Value: 'other' }] });
    expect([tagged.Status, tagged.ExecutionStatus]).toEqual(['CREATE_COMPLETE', 'AVAILABLE']);
    await cfn.send(new DeleteChangeSetCommand({ StackName: STACK, ChangeSetName: 'tag-only' }));
  });
});

test('a stack without SSM parameters, the same TemplateBody: a FAILED change set, not a ValidationError', async () => {
  const STACK = 'nochange-plain';
  const template = {
    Parameters: { Env: { Type: 'String', Default: 'dev' } },
    Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/test/nochange/plain', Type: 'String', Value: { Ref: 'Env' } } } },
  };
  await changeSet(STACK, 'first', { type: 'CREATE', template });
  const deployed = await execute(STACK, 'first');
  // moto refused the call with UpdateStack's "No updates are to be performed."
  const again = await changeSet(STACK, 'again', { type: 'UPDATE', template, parameters: previousValues(deployed) });
  expect(failedNoChanges(again)).toEqual(['FAILED', 'UNAVAILABLE', NO_CHANGES, []]);

  const changed = await changeSet(STACK, 'changed', { type: 'UPDATE', template, parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] });
  expect([changed.Status, changed.ExecutionStatus]).toEqual(['CREATE_COMPLETE', 'AVAILABLE']);
  expect((await execute(STACK, 'changed')).StackStatus).toBe('UPDATE_COMPLETE');
  expect((await ssm.send(new GetParameterCommand({ Name: '/test/nochange/plain' }))).Parameter?.Value).toBe('prod');
  await destroy(STACK);
});

test('the same SSM parameter name with a new value in Parameter Store: a change, and the update uses the new value', async () => {
  const STACK = 'nochange-ssm-value';
  const { Images = [] } = await ec2.send(new DescribeImagesCommand({}));
  const [first, second] = Images.map((i) => i.ImageId!);
  await ssm.send(new PutParameterCommand({ Name: '/test/nochange/ami', Value: first, Type: 'String', DataType: 'aws:ec2:image' }));
  const template = {
    Parameters: { Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: '/test/nochange/ami' } },
    Resources: { Copy: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/test/nochange/ami-copy', Type: 'String', Value: { Ref: 'Ami' } } } },
  };
  await changeSet(STACK, 'first', { type: 'CREATE', template });
  const deployed = await execute(STACK, 'first');
  expect((await ssm.send(new GetParameterCommand({ Name: '/test/nochange/ami-copy' }))).Parameter?.Value).toBe(first);

  // "CloudFormation always fetches the latest values from Parameter Store when it updates stacks."
  await ssm.send(new PutParameterCommand({ Name: '/test/nochange/ami', Value: second, Type: 'String', Overwrite: true }));
  const again = await changeSet(STACK, 'new-value', { type: 'UPDATE', template, parameters: previousValues(deployed) });
  expect([again.Status, again.ExecutionStatus]).toEqual(['CREATE_COMPLETE', 'AVAILABLE']);
  expect((await execute(STACK, 'new-value')).StackStatus).toBe('UPDATE_COMPLETE');
  expect((await ssm.send(new GetParameterCommand({ Name: '/test/nochange/ami-copy' }))).Parameter?.Value).toBe(second);

  const settledAgain = await changeSet(STACK, 'settled', { type: 'UPDATE', template, parameters: previousValues(await stackOf(STACK)) });
  expect(failedNoChanges(settledAgain)).toEqual(['FAILED', 'UNAVAILABLE', NO_CHANGES, []]);
  await destroy(STACK);
});

test('DeleteChangeSet: a change set the stack does not have is success; a stack that does not exist is a ValidationError', async () => {
  const STACK = 'nochange-delete';
  const template = { Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/test/nochange/delete', Type: 'String', Value: 'v' } } } };
  await changeSet(STACK, 'first', { type: 'CREATE', template });
  await execute(STACK, 'first');
  await cfn.send(new DeleteChangeSetCommand({ StackName: STACK, ChangeSetName: 'cdk-deploy-change-set' }));
  await expect(cfn.send(new DeleteChangeSetCommand({ StackName: 'no-such-stack', ChangeSetName: 'cdk-deploy-change-set' }))).rejects.toMatchObject({
    name: 'ValidationError',
  });
  await destroy(STACK);
});
