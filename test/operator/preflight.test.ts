/**
 * `npm run preflight` against the local emulator: a fresh account passes (what moto cannot
 * answer is reported as an assumption, not a blocker); too few free Elastic IPs and an AZ that
 * does not offer the instance types are blockers and make the command exit non-zero.
 */
import { AllocateAddressCommand, EC2Client, ReleaseAddressCommand } from '@aws-sdk/client-ec2';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { operatorConfig } from '../../scripts/operator/context';
import { awsClients, AwsClients } from '../../scripts/operator/clients';
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
  for (const c of ['Target', 'Elastic IPs', 'VPCs', 'NAT gateways', 'Availability zones', 'Instance types', 'AMI parameters', 'GuardDuty', 'Inspector', 'Default VPC']) {
    expect(checks).toContain(c);
  }
  const eip = findings.find((f) => f.check === 'Elastic IPs')!;
  // moto's Service Quotas knows only the vpc service: the EC2 EIP quota is the assumed default.
  expect(eip.found).toContain('0 allocated of 5');
  expect(eip.found).toContain('default 5 assumed');
  expect(findings.find((f) => f.check === 'VPCs')!.found).toContain('(Service Quotas L-F678F1CE)');
  expect(findings.filter((f) => f.check === 'AMI parameters')).toHaveLength(3);
  expect(findings.find((f) => f.check === 'GuardDuty')!.found).toContain('no detector');
  expect(findings.find((f) => f.check === 'Default VPC')!.found).toMatch(/^vpc-\S+ with default subnet subnet-\S+ in us-east-1a/);
});

test('an AZ without t3.micro/t3.small first in the list is a blocker (us-east-1e)', async () => {
  const config = operatorConfig({ availabilityZones: 'us-east-1e,us-east-1a,us-east-1b' });
  const findings = await runPreflight(config, clients);
  const blocker = findings.find((f) => f.level === 'BLOCKER')!;
  expect(blocker.check).toBe('Instance types');
  expect(blocker.found).toBe('t3.micro (webserver), t3.micro (ubuntu), t3.small (windows) not offered in us-east-1e, where the instances launch');
  expect(blocker.action).toBe('put an AZ that offers them first: -c availabilityZones=us-east-1a,us-east-1e,us-east-1b');
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

  // The cheaper mode needs one: it fits.
  const cheaper = await runScript('preflight.ts', ['-c', 'natGateways=1'], emu.env);
  expect(cheaper.code).toBe(0);
  expect(cheaper.stdout).toContain('INFO    Elastic IPs: 3 allocated of 5');

  for (const id of ids) await ec2.send(new ReleaseAddressCommand({ AllocationId: id }));
  const after = await runPreflight(WORKSHOP_DEFAULTS, clients);
  expect(hasBlocker(after)).toBe(false);
});
