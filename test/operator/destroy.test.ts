/**
 * `npm run destroy`: a DELETE_FAILED stack explained from its events. Unit test on recorded
 * events (the shapes CloudFormation returns), then for real: moto (with the project's
 * DeleteStack patch) leaves a stack DELETE_FAILED when its VPC holds a subnet created outside it.
 */
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateSubnetCommand, DeleteSubnetCommand, EC2Client } from '@aws-sdk/client-ec2';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { explainEvents, formatStates, inspectStacks } from '../../scripts/destroy/explain';
import { emulatorConfig } from './support';

jest.setTimeout(60_000);

const STACK = 'SecurityWorkshop-Network';
const ev = (LogicalResourceId: string, ResourceType: string, ResourceStatus: string, ResourceStatusReason = '', PhysicalResourceId = '') => ({
  StackName: STACK,
  LogicalResourceId,
  ResourceType,
  ResourceStatus,
  ResourceStatusReason,
  PhysicalResourceId,
});

describe('explainEvents (recorded events, newest first)', () => {
  const events = [
    ev(STACK, 'AWS::CloudFormation::Stack', 'DELETE_FAILED', 'The following resource(s) failed to delete: [FlowLogsBucket87F67F60, VpcA1B2C3D4]. '),
    ev('FlowLogsBucket87F67F60', 'AWS::S3::Bucket', 'DELETE_FAILED', 'The bucket you tried to delete is not empty (Service: S3, Status Code: 409)', 's3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1'),
    ev('VpcA1B2C3D4', 'AWS::EC2::VPC', 'DELETE_FAILED', "The vpc 'vpc-0abc' has dependencies and cannot be deleted. (Service: Ec2, Status Code: 400)", 'vpc-0abc'),
    ev('PrivateSubnetA', 'AWS::EC2::Subnet', 'DELETE_COMPLETE', '', 'subnet-1'),
    ev(STACK, 'AWS::CloudFormation::Stack', 'DELETE_IN_PROGRESS', 'User Initiated'),
    // An earlier attempt: not this one's blockers.
    ev('ReadOnlyUser', 'AWS::IAM::User', 'DELETE_FAILED', 'Cannot delete entity, must delete access keys first.', 'workshop-RO'),
    ev(STACK, 'AWS::CloudFormation::Stack', 'DELETE_IN_PROGRESS', 'User Initiated'),
  ];

  test('names each blocking resource of the latest attempt with its reason, cause and action', () => {
    const blockers = explainEvents(STACK, events);
    expect(blockers.map((b) => [b.logicalId, b.type, b.physicalId, b.retryable])).toEqual([
      ['FlowLogsBucket87F67F60', 'AWS::S3::Bucket', 's3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1', false],
      ['VpcA1B2C3D4', 'AWS::EC2::VPC', 'vpc-0abc', true],
    ]);
    expect(blockers[0].reason).toContain('not empty');
    expect(blockers[0].action).toBe(
      'empty it: aws s3 rm s3://s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1 --recursive --region us-east-1 (and old versions if versioning was switched on), then npm run destroy again',
    );
    expect(blockers[1].cause).toContain('network interface');
    expect(blockers[1].action).toContain('aws ec2 describe-network-interfaces --filters Name=vpc-id,Values=vpc-0abc');
  });

  test('IAM, custom resources and unknown reasons', () => {
    const b = (type: string, reason: string, id = 'X') =>
      explainEvents(STACK, [ev(id, type, 'DELETE_FAILED', reason, 'phys'), ev(STACK, 'AWS::CloudFormation::Stack', 'DELETE_IN_PROGRESS')])[0];
    const user = b('AWS::IAM::User', 'Cannot delete entity, must delete login profile first. (Service: Iam, Status Code: 409)');
    expect(user.action).toContain('aws iam list-access-keys --user-name phys');
    expect(user.retryable).toBe(false);
    const detector = b('AWS::CloudFormation::CustomResource', 'Received response status [FAILED] from custom resource. Message returned: AccessDenied', 'GuardDutyAdoptOrCreateResource');
    expect(detector.cause).toContain('GuardDuty');
    const timeout = b('AWS::CloudFormation::CustomResource', 'CloudFormation did not receive a response from your Custom Resource', 'DefaultVpcLookup');
    expect(timeout.retryable).toBe(true);
    const other = b('AWS::Logs::LogGroup', 'Something new');
    expect(other.cause).toBe('not a case this script knows');
    expect(other.action).toContain('CloudFormation > SecurityWorkshop-Network > Events');
  });
});

describe('a real DELETE_FAILED in the emulator', () => {
  let emu: Emulator;
  let cfn: CloudFormationClient;
  let ec2: EC2Client;

  beforeAll(async () => {
    emu = await startEmulator();
    cfn = new CloudFormationClient(emulatorConfig(emu));
    ec2 = new EC2Client(emulatorConfig(emu));
  });

  afterAll(async () => {
    cfn?.destroy();
    ec2?.destroy();
    await emu?.stop();
  });

  test('a VPC holding a hand-made subnet blocks the delete; the explanation finds the subnet; deleting again after removing it succeeds', async () => {
    const stack = 'Operator-DeleteFailed';
    await cfn.send(
      new CreateStackCommand({
        StackName: stack,
        TemplateBody: JSON.stringify({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16' } } } }),
      }),
    );
    expect((await cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks![0].StackStatus).toBe('CREATE_COMPLETE');
    const vpcId = (await cfn.send(new DescribeStackResourcesCommand({ StackName: stack }))).StackResources![0].PhysicalResourceId!;
    // A participant's subnet, made by hand in the console.
    const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.9.1.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;

    await cfn.send(new DeleteStackCommand({ StackName: stack })).catch(() => undefined);
    const [state] = await inspectStacks(cfn, [stack], { ec2, region: 'us-east-1' });
    expect(state.status).toBe('DELETE_FAILED');
    expect(state.blockers).toHaveLength(1);
    const b = state.blockers[0];
    expect([b.logicalId, b.type, b.physicalId, b.retryable]).toEqual(['Vpc', 'AWS::EC2::VPC', vpcId, true]);
    expect(b.reason).toContain('has dependencies and cannot be deleted');
    expect(b.details).toEqual([`subnet ${subnetId} 10.9.1.0/24 (no Name tag)`]);
    expect(formatStates([state])).toContain(`found:  subnet ${subnetId}`);

    await ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId }));
    await cfn.send(new DeleteStackCommand({ StackName: stack }));
    const [after] = await inspectStacks(cfn, [stack]);
    expect(after.status).toBeUndefined();
  });
});
