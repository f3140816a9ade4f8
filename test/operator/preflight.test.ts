/**
 * `npm run preflight` against the local emulator: a fresh account passes (what moto cannot
 * answer is reported as an assumption, not a blocker); too few free Elastic IPs and an AZ that
 * does not offer the instance types are blockers and make the command exit non-zero.
 */
import { CloudTrailClient, CreateTrailCommand, DeleteTrailCommand } from '@aws-sdk/client-cloudtrail';
import { AllocateAddressCommand, EC2Client, ReleaseAddressCommand } from '@aws-sdk/client-ec2';
import { CreateDetectorCommand, DeleteDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { CreateRoleCommand, DeleteRoleCommand, IAMClient, TagRoleCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '../../lib/config/load-config';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { operatorConfig } from '../../scripts/operator/context';
import { awsClients, AwsClients } from '../../scripts/operator/clients';
import { another } from '../../scripts/preflight/checks/existing-names';
import { hasBlocker, runPreflight } from '../../scripts/preflight/run';
import { emulatorConfig, runScript } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let clients: AwsClients;
let ec2: EC2Client;

beforeAll(async () => {
  emu = await startEmulator();
  clients = awsClients('us-east-1', { env: { ...process.env, ...emu.env } });
  ec2 = new EC2Client(emulatorConfig(emu));
});

/** Every `-c key=value` preflight suggested in these tests (checked by the last test). */
const suggested: string[] = [];
const collect = (text: string) => suggested.push(...(text.match(/-c \S+=\S+/g) ?? []).map((m) => m.slice(3).replace(/[,;.)]+$/, '')));

afterAll(async () => {
  if (clients) clients.destroy();
  ec2?.destroy();
  await emu?.stop();
});

test('a fresh account has no blocker; every check reports', async () => {
  const findings = await runPreflight(WORKSHOP_DEFAULTS, clients);
  expect(hasBlocker(findings)).toBe(false);
  expect(findings.filter((f) => f.level !== 'INFO')).toEqual([]);
  const checks = new Set(findings.map((f) => f.check));
  for (const c of ['Target', 'Elastic IPs', 'VPCs', 'NAT gateways', 'Availability zones', 'Instance types', 'AMI parameters', 'GuardDuty', 'Inspector', 'Default VPC', 'CloudTrail trails', 'Existing names']) {
    expect(checks).toContain(c);
  }
  const eip = findings.find((f) => f.check === 'Elastic IPs')!;
  // moto's Service Quotas knows only the vpc service: the EC2 EIP quota is the assumed default.
  expect(eip.found).toContain('0 allocated of 5');
  expect(eip.found).toContain('default 5 assumed');
  expect(findings.find((f) => f.check === 'VPCs')!.found).toContain('(Service Quotas L-F678F1CE)');
  expect(findings.filter((f) => f.check === 'AMI parameters')).toHaveLength(3);
  expect(findings.find((f) => f.check === 'GuardDuty')!.found).toContain('no detector');
  expect(findings.find((f) => f.check === 'CloudTrail trails')!.found).toBe('0 trail(s) of 5 per region (not adjustable); the app creates 1 (SecurityWorkshop-Trail): 5 free');
  expect(findings.find((f) => f.check === 'Existing names')!.found).toBe('none of the names the app gives exists yet');
  expect(findings.find((f) => f.check === 'Default VPC')!.found).toMatch(/^vpc-\S+ with default subnet subnet-\S+ in us-east-1a/);
});

test('an AZ without t3.micro/t3.small first in the list is a blocker (us-east-1e)', async () => {
  const config = operatorConfig({ availabilityZones: 'us-east-1e,us-east-1a,us-east-1b' });
  const findings = await runPreflight(config, clients);
  const blocker = findings.find((f) => f.level === 'BLOCKER')!;
  expect(blocker.check).toBe('Instance types');
  expect(blocker.found).toBe('t3.micro (webserver), t3.micro (ubuntu), t3.small (windows) not offered in us-east-1e, where the instances launch');
  expect(blocker.action).toBe('put an AZ that offers them first: -c availabilityZones=us-east-1a,us-east-1e,us-east-1b');
  collect(blocker.action);
});

test('too few free Elastic IPs: BLOCKER and exit 1; releasing them makes it pass again', async () => {
  const needed = WORKSHOP_DEFAULTS.natGateways; // 3
  const ids: string[] = [];
  for (let i = 0; i < 5 - needed + 1; i++) {
    ids.push((await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!);
  }
  const run = await runScript('preflight.ts', [], emu.env);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('BLOCKER Elastic IPs: 3 allocated of 5');
  expect(run.stdout).toContain('only 2 free');
  expect(run.stdout).toContain('-c natGateways=1');
  expect(run.stdout).toContain('Preflight: 1 blocker(s)');
  collect(run.stdout);

  // The cheaper mode needs one: it fits.
  const cheaper = await runScript('preflight.ts', ['-c', 'natGateways=1'], emu.env);
  expect(cheaper.code).toBe(0);
  expect(cheaper.stdout).toContain('INFO    Elastic IPs: 3 allocated of 5');

  for (const id of ids) await ec2.send(new ReleaseAddressCommand({ AllocationId: id }));
  const after = await runPreflight(WORKSHOP_DEFAULTS, clients);
  expect(hasBlocker(after)).toBe(false);
});

const WORKSHOP_TAGS = [
  { Key: 'workshop', Value: 'aws-security-logging-monitoring-ir' },
  { Key: 'workshop-participant', Value: 'workshop' },
];

test("the app's own Elastic IPs (a deployed or half-deployed copy) are not used quota: a re-run is not blocked", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const tags = [{ ResourceType: 'elastic-ip' as const, Tags: WORKSHOP_TAGS }];
    ids.push((await ec2.send(new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: tags }))).AllocationId!);
  }
  try {
    const findings = await runPreflight(WORKSHOP_DEFAULTS, clients);
    const eip = findings.find((f) => f.check === 'Elastic IPs')!;
    expect(eip.level).toBe('INFO');
    expect(eip.found).toMatch(/^3 allocated \(3 the app's own, counted as its own\) of 5 .*: 5 free$/);
    // A foreign allocation still counts: 1 foreign + 3 needed fits 5; 3 foreign would not.
    ids.push((await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!);
    expect((await runPreflight(WORKSHOP_DEFAULTS, clients)).find((f) => f.check === 'Elastic IPs')!.level).toBe('INFO');
    ids.push((await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!);
    ids.push((await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!);
    expect((await runPreflight(WORKSHOP_DEFAULTS, clients)).find((f) => f.check === 'Elastic IPs')!.level).toBe('BLOCKER');
  } finally {
    for (const id of ids) await ec2.send(new ReleaseAddressCommand({ AllocationId: id }));
  }
});

test('a name the app gives that exists outside its stack is a blocker saying what to do; its own is not', async () => {
  const iam = new IAMClient(emulatorConfig(emu));
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  try {
    await iam.send(new CreateRoleCommand({ RoleName: 'ROLE-AmazonEC2RoleforSSM', AssumeRolePolicyDocument: trust }));
    await iam.send(new CreateRoleCommand({ RoleName: 'workshop-CROSS-ACCOUNT-ROLE', AssumeRolePolicyDocument: trust }));
    const blockers = (await runPreflight(WORKSHOP_DEFAULTS, clients)).filter((f) => f.level === 'BLOCKER');
    expect(blockers.map((f) => f.found)).toEqual([
      "IAM role ROLE-AmazonEC2RoleforSSM already exists, outside the app's stack: the deploy would fail on it",
      "IAM role workshop-CROSS-ACCOUNT-ROLE already exists, outside the app's stack: the deploy would fail on it",
    ]);
    for (const b of blockers) collect(b.action);
    expect(blockers[1].action).toBe(
      "if no one uses it, delete it (detach its policies, aws iam delete-role --role-name workshop-CROSS-ACCOUNT-ROLE), or deploy another participant's copy: -c participantName=workshop2",
    );
    // Tagged as this copy of the workshop (what the app's stack tags it with): the app's own.
    for (const RoleName of ['ROLE-AmazonEC2RoleforSSM', 'workshop-CROSS-ACCOUNT-ROLE']) await iam.send(new TagRoleCommand({ RoleName, Tags: WORKSHOP_TAGS }));
    const findings = await runPreflight(WORKSHOP_DEFAULTS, clients);
    expect(hasBlocker(findings)).toBe(false);
    expect(findings.find((f) => f.check === 'Existing names')!.found).toBe(
      "only the app's own: IAM role ROLE-AmazonEC2RoleforSSM, IAM role workshop-CROSS-ACCOUNT-ROLE",
    );
  } finally {
    for (const RoleName of ['ROLE-AmazonEC2RoleforSSM', 'workshop-CROSS-ACCOUNT-ROLE']) await iam.send(new DeleteRoleCommand({ RoleName })).catch(() => undefined);
    iam.destroy();
  }
});

test("five trails in the region is a blocker (CloudTrail's quota, not adjustable); the app's own trail does not count", async () => {
  const cloudtrail = new CloudTrailClient(emulatorConfig(emu));
  const s3 = new S3Client({ ...emulatorConfig(emu), forcePathStyle: true });
  const names = ['SecurityWorkshop-Trail', 'trail-a', 'trail-b', 'trail-c', 'trail-d'];
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'preflight-trails' }));
    for (const Name of names) await cloudtrail.send(new CreateTrailCommand({ Name, S3BucketName: 'preflight-trails' }));
    const own = (await runPreflight(WORKSHOP_DEFAULTS, clients)).find((f) => f.check === 'CloudTrail trails')!;
    expect(own.level).toBe('INFO');
    expect(own.found).toContain("5 trail(s) (1 is the app's own, SecurityWorkshop-Trail) of 5");
    await cloudtrail.send(new CreateTrailCommand({ Name: 'trail-e', S3BucketName: 'preflight-trails' }));
    const full = (await runPreflight(WORKSHOP_DEFAULTS, clients)).find((f) => f.check === 'CloudTrail trails')!;
    expect(full.level).toBe('BLOCKER');
    expect(full.found).toContain('none free (trail-a, trail-b, trail-c, trail-d, trail-e)');
    expect(full.action).toContain('aws cloudtrail delete-trail --name <name> --region us-east-1');
  } finally {
    for (const Name of [...names, 'trail-e']) await cloudtrail.send(new DeleteTrailCommand({ Name })).catch(() => undefined);
    cloudtrail.destroy();
    s3.destroy();
  }
});

test('a disabled GuardDuty detector: preflight says the app enables it and disables it again at destroy', async () => {
  const guardduty = new GuardDutyClient(emulatorConfig(emu));
  try {
    const { DetectorId } = await guardduty.send(new CreateDetectorCommand({ Enable: false }));
    const finding = (await runPreflight(WORKSHOP_DEFAULTS, clients)).find((f) => f.check === 'GuardDuty')!;
    expect(finding.found).toBe(`detector ${DetectorId} exists, DISABLED: the app adopts it, enables it, and disables it again at destroy`);
    await guardduty.send(new DeleteDetectorCommand({ DetectorId }));
  } finally {
    guardduty.destroy();
  }
});

test("preflight's suggestions are themselves valid settings", () => {
  // What the blockers above printed.
  expect(new Set(suggested.map((s) => s.split('=')[0]))).toEqual(new Set(['availabilityZones', 'natGateways', 'participantName']));
  // The existing-names check's other alternative (a Glue database or workgroup of another hand-made copy), and one at the length limit.
  suggested.push(`stackPrefix=${another(WORKSHOP_DEFAULTS.stackPrefix, 41)}`, `participantName=${another('a'.repeat(32), 32)}`);
  for (const setting of suggested) {
    const [key, value] = [setting.slice(0, setting.indexOf('=')), setting.slice(setting.indexOf('=') + 1)];
    expect(() => loadConfig((k) => (k === key ? value : undefined))).not.toThrow();
  }
});
