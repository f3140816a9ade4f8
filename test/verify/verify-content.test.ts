/**
 * verify checks content, not existence (issue 13, items 1 and 7): against the emulator, resources
 * with the workshop's names but the wrong content are MISMATCH rows; once their content is the
 * workshop's, the same rows are OK. (The whole deployed stack passes them in test/e2e.)
 */
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeVpcsCommand,
  EC2Client,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import { CreateDetectorCommand, GuardDutyClient, UpdateDetectorCommand } from '@aws-sdk/client-guardduty';
import {
  AddUserToGroupCommand,
  DetachRolePolicyCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  UpdateAssumeRolePolicyCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { awsClients, AwsClients } from '../../scripts/operator/clients';
import { compare } from '../../scripts/verify/compare';
import { expectedRows } from '../../scripts/verify/expected';
import { observe } from '../../scripts/verify/observe';
import { computePart } from '../../scripts/verify/parts/compute';
import { detectionPart } from '../../scripts/verify/parts/detection';
import { identityPart } from '../../scripts/verify/parts/identity';
import { emulatorConfig } from '../operator/support';

jest.setTimeout(60_000);

const ACCOUNT = '123456789012';
const target = { account: ACCOUNT, partition: 'aws' };
const parts = [identityPart, detectionPart, computePart];
const policy = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const trust = (principal: object) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });

let emu: Emulator;
let clients: AwsClients;
let iam: IAMClient;
let ec2: EC2Client;
let guardduty: GuardDutyClient;
let inspector2: Inspector2Client;

beforeAll(async () => {
  emu = await startEmulator();
  clients = awsClients('us-east-1', { env: { ...process.env, ...emu.env } });
  const config = emulatorConfig(emu);
  iam = new IAMClient(config);
  ec2 = new EC2Client(config);
  guardduty = new GuardDutyClient(config);
  inspector2 = new Inspector2Client(config);
});

afterAll(async () => {
  for (const c of [clients, iam, ec2, guardduty, inspector2]) c?.destroy();
  await emu?.stop();
});

/** The rows of these resources and attributes, as "resource | attribute: STATUS found". */
async function rows(): Promise<Record<string, string>> {
  const observed = await observe(clients, WORKSHOP_DEFAULTS, target, parts);
  const checked = compare(expectedRows(WORKSHOP_DEFAULTS, target, parts), observed);
  const wanted = [
    'IAM group workshop-RO-GROUP: managed policies', 'IAM group workshop-RO-GROUP: members',
    'IAM user workshop-RO: password reset required',
    'IAM role workshop-CROSS-ACCOUNT-ROLE: trusted principals', 'IAM role workshop-CROSS-ACCOUNT-ROLE: managed policies',
    'IAM role ROLE-AmazonEC2RoleforSSM: managed policies',
    'Security group http-world: inbound rules',
    'GuardDuty detector: status', 'Inspector EC2 scanning: status',
  ];
  return Object.fromEntries(checked.filter((r) => wanted.includes(r.check)).map((r) => [r.check, `${r.status} ${r.found}`]));
}

test('wrong content is MISMATCH; the workshop content is OK', async () => {
  // As someone may have left them: right names, wrong content.
  await iam.send(new CreateGroupCommand({ GroupName: 'workshop-RO-GROUP' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'workshop-RO-GROUP', PolicyArn: policy('IAMUserChangePassword') }));
  await iam.send(new CreateUserCommand({ UserName: 'workshop-RO' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'workshop-RO', Password: 'Not-Reset-1234' }));
  await iam.send(new CreateRoleCommand({ RoleName: 'workshop-CROSS-ACCOUNT-ROLE', AssumeRolePolicyDocument: trust({ AWS: 'arn:aws:iam::210987654321:root' }) }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'workshop-CROSS-ACCOUNT-ROLE', PolicyArn: policy('AdministratorAccess') }));
  await iam.send(new CreateRoleCommand({ RoleName: 'ROLE-AmazonEC2RoleforSSM', AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) }));
  const defaultVpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0].VpcId;
  const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({
    GroupName: 'http-world', Description: 'left by hand', VpcId: defaultVpc,
    TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'workshop', Value: 'aws-security-logging-monitoring-ir' }, { Key: 'workshop-participant', Value: 'workshop' }] }],
  }));
  const world = (port: number) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: '0.0.0.0/0' }] });
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [world(80), world(22)] }));
  const { DetectorId } = await guardduty.send(new CreateDetectorCommand({ Enable: false }));

  expect(await rows()).toEqual({
    'IAM group workshop-RO-GROUP: managed policies': 'MISMATCH IAMUserChangePassword',
    'IAM group workshop-RO-GROUP: members': 'MISMATCH none',
    'IAM user workshop-RO: password reset required': 'MISMATCH no',
    'IAM role workshop-CROSS-ACCOUNT-ROLE: trusted principals': 'MISMATCH arn:aws:iam::210987654321:root',
    'IAM role workshop-CROSS-ACCOUNT-ROLE: managed policies': 'MISMATCH AdministratorAccess',
    'IAM role ROLE-AmazonEC2RoleforSSM: managed policies': 'MISMATCH none',
    'Security group http-world: inbound rules': 'MISMATCH tcp 22 from 0.0.0.0/0; tcp 80 from 0.0.0.0/0',
    'GuardDuty detector: status': 'MISMATCH DISABLED',
    'Inspector EC2 scanning: status': 'MISMATCH DISABLED',
  });

  // The workshop's content.
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'workshop-RO-GROUP', PolicyArn: policy('ReadOnlyAccess') }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'workshop-RO-GROUP', UserName: 'workshop-RO' }));
  await iam.send(new UpdateLoginProfileCommand({ UserName: 'workshop-RO', Password: 'Not-Reset-1234', PasswordResetRequired: true }));
  await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'workshop-CROSS-ACCOUNT-ROLE', PolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) }));
  await iam.send(new DetachRolePolicyCommand({ RoleName: 'workshop-CROSS-ACCOUNT-ROLE', PolicyArn: policy('AdministratorAccess') }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'workshop-CROSS-ACCOUNT-ROLE', PolicyArn: policy('ReadOnlyAccess') }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ROLE-AmazonEC2RoleforSSM', PolicyArn: policy('AmazonSSMManagedInstanceCore') }));
  await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId, IpPermissions: [world(22)] }));
  await guardduty.send(new UpdateDetectorCommand({ DetectorId, Enable: true }));
  await inspector2.send(new EnableCommand({ accountIds: [ACCOUNT], resourceTypes: ['EC2'] }));

  expect(await rows()).toEqual({
    'IAM group workshop-RO-GROUP: managed policies': 'OK IAMUserChangePassword, ReadOnlyAccess',
    'IAM group workshop-RO-GROUP: members': 'OK workshop-RO',
    'IAM user workshop-RO: password reset required': 'OK yes',
    'IAM role workshop-CROSS-ACCOUNT-ROLE: trusted principals': `OK arn:aws:iam::${ACCOUNT}:root`,
    'IAM role workshop-CROSS-ACCOUNT-ROLE: managed policies': 'OK ReadOnlyAccess',
    'IAM role ROLE-AmazonEC2RoleforSSM: managed policies': 'OK AmazonSSMManagedInstanceCore',
    'Security group http-world: inbound rules': 'OK tcp 80 from 0.0.0.0/0',
    'GuardDuty detector: status': 'OK ENABLED',
    'Inspector EC2 scanning: status': 'OK ENABLED',
  });
});
