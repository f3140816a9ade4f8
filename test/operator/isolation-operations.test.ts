/**
 * Day 2, respond: the isolation part's verify rows and leftover check, against the emulator on what
 * the part's handlers make (the function and rule themselves need a deployed stack: npm run local).
 */
import { EnableSecurityHubCommand } from '@aws-sdk/client-securityhub';
import { loadConfig } from '../../lib/config/load-config';
import { onEvent as isolate } from '../../lib/handlers/isolate-instance';
import { onEvent as cleanup } from '../../lib/handlers/isolation-cleanup';
import { isolationSettings } from '../../lib/config/isolation';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { findLeftovers } from '../../scripts/leftovers/find';
import { isolationLeftovers } from '../../scripts/leftovers/parts/isolation';
import { awsClients, AwsClients } from '../../scripts/operator/clients';
import { compare } from '../../scripts/verify/compare';
import { Observer } from '../../scripts/verify/observer';
import { scopeOf } from '../../scripts/verify/part';
import { isolationPart, patternText } from '../../scripts/verify/parts/isolation';
import { findingAbout, instanceWithTwoInterfaces } from '../handlers/isolation-fixture';
import { cfnEvent } from '../handlers/support';

jest.setTimeout(60_000);

let emu: Emulator;
let c: AwsClients;
const config = loadConfig((k) => ({ day2: 'true' })[k]);
const scope = scopeOf(config, { account: '123456789012', partition: 'aws' });

beforeAll(async () => {
  emu = await startEmulator();
  c = awsClients('us-east-1', { env: { ...process.env, ...emu.env } });
});
afterAll(async () => {
  c?.destroy();
  await emu?.stop();
});

test('verify expects the function and the enabled rule with the custom-action pattern, its target the function', () => {
  expect(isolationPart.expectedRows(scope).map((r) => [r.resource, r.attribute, r.expected])).toEqual([
    ['Lambda function isolate-instance', 'exists', 'yes'],
    ['Lambda function isolate-instance', 'runtime', 'nodejs24.x'],
    ['EventBridge rule Isolate instance', 'exists', 'yes'],
    ['EventBridge rule Isolate instance', 'state', 'ENABLED'],
    [
      'EventBridge rule Isolate instance',
      'event pattern',
      '{"source":["aws.securityhub"],"detail-type":["Security Hub Findings - Custom Action"],"resources":["arn:aws:securityhub:us-east-1:123456789012:action/custom/IsolateInstance"]}',
    ],
    ['EventBridge rule Isolate instance', 'target', 'the function of output IsolateFunctionName'],
  ]);
  expect(isolationPart.expectedRows(scopeOf(loadConfig(() => undefined), { account: '123456789012', partition: 'aws' }))).toEqual([]);
  expect(patternText({ resources: ['r'], 'detail-type': ['d'], source: ['s'] })).toBe('{"source":["s"],"detail-type":["d"],"resources":["r"]}');
});

test('without a deployed stack verify finds neither function nor rule', async () => {
  const o = new Observer(c, scope);
  await isolationPart.observe(o);
  const rows = compare(isolationPart.expectedRows(scope), o.observation);
  expect(rows.filter((r) => r.check.endsWith(': exists')).map((r) => [r.check, r.status])).toEqual([
    ['Lambda function isolate-instance: exists', 'MISMATCH'],
    ['EventBridge rule Isolate instance: exists', 'MISMATCH'],
  ]);
});

test('leftovers: the isolation group (naming the instance it isolates) and the forensic snapshots, until the cleanup ran', async () => {
  await c.securityhub.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  const f = await instanceWithTwoInterfaces(c.ec2);
  const s = isolationSettings(config);
  const clients = { ec2: c.ec2, autoscaling: c.autoscaling, securityhub: c.securityhub };
  const out = await isolate({ detail: { findings: [await findingAbout(c.securityhub, 'finding-leftover', [f.instanceId])] } }, clients, s);
  const group = out.isolated[0].isolationGroup!;

  const scan = await findLeftovers(config, c, {}, [isolationLeftovers]);
  expect(scan.items.map((l) => [l.kind, l.id, l.detail])).toEqual([
    ['isolation security group', group, `isolates ${f.instanceId}`],
    ...out.isolated[0].snapshots!.map((id) => ['forensic EBS snapshot', id, expect.stringMatching(/^of vol-/)]),
  ]);
  expect(scan.items[0].action).toBe(`npm run demo -- release <instance id> for each, then: aws ec2 delete-security-group --group-id ${group} --region us-east-1`);

  await cleanup(cfnEvent('Delete', { Settings: s }), { ec2: c.ec2 });
  expect(await findLeftovers(config, c, {}, [isolationLeftovers])).toEqual({ items: [], info: [], skipped: [] });
});
