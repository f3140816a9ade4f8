/**
 * Day 2, respond: the verify rows, the preflight check and the leftover checks of the Security Hub
 * part against the emulator, on what the part's own handlers create (as a deploy does) and leave.
 */
import { CreateStackCommand, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '../../lib/config/load-config';
import { onEvent as configRecorder } from '../../lib/handlers/config-recorder';
import { onEvent as securityHub } from '../../lib/handlers/security-hub';
import { onEvent as actionTarget } from '../../lib/handlers/security-hub-action-target';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { findLeftovers } from '../../scripts/leftovers/find';
import { configRecorder as recorderLeftovers, securityHub as hubLeftovers } from '../../scripts/leftovers/parts/security-hub';
import { awsClients, AwsClients } from '../../scripts/operator/clients';
import { securityHub as hubPreflight } from '../../scripts/preflight/checks/security-hub';
import { Finding } from '../../scripts/preflight/types';
import { compare } from '../../scripts/verify/compare';
import { Observer } from '../../scripts/verify/observer';
import { scopeOf } from '../../scripts/verify/part';
import { securityHubPart } from '../../scripts/verify/parts/security-hub';
import { cfnEvent } from '../handlers/support';
import { emulatorConfig } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let c: AwsClients;
const config = loadConfig((k) => ({ day2: 'true' })[k]);
const HUB = { Standards: ['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark'] };
const ACTION = { Id: 'IsolateInstance', Name: 'Isolate instance', Description: 'Isolates the instance' };
const RECORDER = {
  RecorderName: 'SecurityWorkshop-recorder',
  RoleArn: 'arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
  BucketName: 'config-bucket',
  RecordingFrequency: 'CONTINUOUS',
};

beforeAll(async () => {
  emu = await startEmulator();
  c = awsClients('us-east-1', { env: { ...process.env, ...emu.env } });
  await new S3Client({ ...emulatorConfig(emu), forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'config-bucket' }));
});
afterAll(async () => {
  c?.destroy();
  await emu?.stop();
});

async function verifyRows() {
  const scope = scopeOf(config, { account: '123456789012', partition: 'aws' });
  const o = new Observer(c, scope);
  await securityHubPart.observe(o);
  return compare(securityHubPart.expectedRows(scope), o.observation);
}

async function preflight(): Promise<Finding[]> {
  const out: Finding[] = [];
  await hubPreflight.run({ config, c }, out);
  return out;
}

test('before deploy: preflight says the app creates hub and recorder; verify finds neither; no leftovers', async () => {
  expect((await preflight()).map((f) => [f.level, f.check, f.found])).toEqual([
    ['INFO', 'Security Hub', 'no hub: the app enables one with AWS Foundational Security Best Practices and CIS, and disables it at destroy'],
    ['INFO', 'AWS Config', 'no recorder: the app creates one with a delivery channel and deletes both at destroy'],
  ]);
  const rows = await verifyRows();
  expect(rows.filter((r) => r.check.endsWith(': exists')).map((r) => [r.check, r.status])).toEqual([
    ['Security Hub: exists', 'MISMATCH'],
    ['Security Hub standard aws-foundational-security-best-practices: exists', 'MISMATCH'],
    ['Security Hub standard cis-aws-foundations-benchmark: exists', 'MISMATCH'],
    ['Security Hub custom action IsolateInstance: exists', 'MISMATCH'],
    ['AWS Config recorder: exists', 'MISMATCH'],
    ['AWS Config delivery channel: exists', 'MISMATCH'],
  ]);
  const scan = await findLeftovers(config, c, {}, [hubLeftovers, recorderLeftovers]);
  expect(scan).toEqual({ items: [], info: [], skipped: [] });
});

test('deployed: every verify row OK but the bucket (no stack output here); after destroy nothing is left', async () => {
  const hub = await securityHub(cfnEvent('Create', HUB), { securityhub: c.securityhub });
  const action = await actionTarget(cfnEvent('Create', ACTION), { securityhub: c.securityhub });
  const recorder = await configRecorder(cfnEvent('Create', RECORDER), { config: c.configService, iam: c.iam });

  const rows = await verifyRows();
  const notOk = rows.filter((r) => r.status !== 'OK').map((r) => [r.check, r.found]);
  expect(notOk).toEqual([['AWS Config delivery channel: S3 bucket', 'config-bucket']]);
  expect(rows.length).toBe(16);

  // An existing hub and recorder: preflight reports them as adopted.
  expect((await preflight()).map((f) => f.found)).toEqual([
    'hub arn:aws:securityhub:us-east-1:123456789012:hub/default exists: adopted, left as found at destroy (its standards are not changed)',
    'recorder SecurityWorkshop-recorder exists: adopted, left as found at destroy (its recording settings and channel are not changed)',
  ]);

  // A destroy that failed half way: the app's custom action, recorder and channel are leftovers; the hub is INFO.
  const scan = await findLeftovers(config, c, {}, [hubLeftovers, recorderLeftovers]);
  expect(scan.items.map((l) => [l.kind, l.id])).toEqual([
    ['Security Hub custom action', 'arn:aws:securityhub:us-east-1:123456789012:action/custom/IsolateInstance'],
    ['AWS Config delivery channel', 'config-channel:SecurityWorkshop-recorder'],
    ['AWS Config recorder', 'config-recorder:SecurityWorkshop-recorder'],
  ]);
  expect(scan.info.map((l) => l.kind)).toEqual(['Security Hub']);
  expect(scan.info[0].detail).toMatch(/^on, standards: arn:aws:securityhub:us-east-1::standards\/aws-foundational-security-best-practices\/v\/1.0.0, arn:aws:securityhub:us-east-1::standards\/cis-aws-foundations-benchmark\/v\/5.0.0/);

  await actionTarget(cfnEvent('Delete', ACTION, { PhysicalResourceId: action.PhysicalResourceId }), { securityhub: c.securityhub });
  await configRecorder(cfnEvent('Delete', RECORDER, { PhysicalResourceId: recorder.PhysicalResourceId }), { config: c.configService, iam: c.iam });
  await securityHub(cfnEvent('Delete', HUB, { PhysicalResourceId: hub.PhysicalResourceId }), { securityhub: c.securityhub });
  expect(await findLeftovers(config, c, {}, [hubLeftovers, recorderLeftovers])).toEqual({ items: [], info: [], skipped: [] });
});

test('a recorder of the account (another name) is INFO, not a leftover', async () => {
  const other = await configRecorder(cfnEvent('Create', { ...RECORDER, RecorderName: 'default' }), { config: c.configService, iam: c.iam });
  const scan = await findLeftovers(config, c, {}, [recorderLeftovers]);
  expect(scan.items).toEqual([]);
  expect(scan.info.map((l) => l.id)).toEqual(['config-recorder:default']);
  await configRecorder(cfnEvent('Delete', RECORDER, { PhysicalResourceId: other.PhysicalResourceId }), { config: c.configService, iam: c.iam });
});

test("an adopted recorder: verify compares its recording, not its name or its channel's bucket, which are the account's", async () => {
  const other = await configRecorder(cfnEvent('Create', { ...RECORDER, RecorderName: 'default' }), { config: c.configService, iam: c.iam });
  // The stack's outputs say the recorder was adopted (as lib/parts/security-hub's handler answers).
  const template = { Resources: { Nothing: { Type: 'AWS::CloudFormation::WaitConditionHandle' } }, Outputs: { ConfigRecorderAdopted: { Value: 'true' } } };
  await c.cfn.send(new CreateStackCommand({ StackName: 'SecurityWorkshop', TemplateBody: JSON.stringify(template) }));
  try {
    const rows = await verifyRows();
    const of = (check: string) => rows.find((r) => r.check === check);
    expect(of('AWS Config recorder: name')).toMatchObject({ status: 'NOT RECORDED', reason: "adopted: the region's own, left as found (default)" });
    expect(of('AWS Config delivery channel: S3 bucket')).toMatchObject({ status: 'NOT RECORDED', reason: "adopted: the region's own, left as found (config-bucket)" });
    expect(of('AWS Config recorder: recording')?.status).toBe('OK');
    expect(of('AWS Config recorder: all supported resource types')?.status).toBe('OK');
  } finally {
    await c.cfn.send(new DeleteStackCommand({ StackName: 'SecurityWorkshop' }));
    await configRecorder(cfnEvent('Delete', RECORDER, { PhysicalResourceId: other.PhysicalResourceId }), { config: c.configService, iam: c.iam });
  }
});
