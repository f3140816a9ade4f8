import { CreateNetworkAclCommand, CreateVpcCommand, DescribeNetworkAclsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateTopicCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateIPSetCommand, GetIPSetCommand, UpdateIPSetCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { clientConfig } from '../../lib/aws/clients';
import { AutoBlockClients, AutoBlockSettings, notBlockable, onEvent, remoteAddresses } from '../../lib/handlers/auto-block';
import { Emulator } from '../../scripts/emulator/emulator';
import { emulator } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let c: AutoBlockClients;
let s: AutoBlockSettings;
const NOW = new Date('2026-12-01T09:00:00.000Z');
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

/** A GuardDuty finding as EventBridge delivers it, with a network-connection remote address. */
const finding = (address: string | undefined, extra: Record<string, unknown> = {}) => ({
  version: '0',
  source: 'aws.guardduty',
  'detail-type': 'GuardDuty Finding',
  detail: {
    id: 'f-1',
    type: 'UnauthorizedAccess:EC2/MaliciousIPCaller.Custom',
    severity: 5,
    service: {
      action: address ? { actionType: 'NETWORK_CONNECTION', networkConnectionAction: { remoteIpDetails: { ipAddressV4: address } } } : { actionType: 'DNS_REQUEST' },
      additionalInfo: {},
      ...extra,
    },
  },
});
const scheduled = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} };

const ipSet = async () => (await c.wafv2.send(new GetIPSetCommand({ Name: s.ipSet.name, Id: s.ipSet.id, Scope: 'REGIONAL' }))).IPSet?.Addresses?.slice().sort();
const acl = async () => (await c.ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [s.networkAclId] }))).NetworkAcls![0];
/** The DENY entries of the reserved range, "rule cidr", and the block records (tags). */
const denies = async () =>
  (await acl()).Entries!.filter((e) => !e.Egress && e.RuleAction === 'deny' && e.RuleNumber! <= 109).map((e) => `${e.RuleNumber} ${e.CidrBlock}`).sort();
const records = async () => Object.fromEntries((await acl()).Tags!.filter((t) => t.Key!.startsWith('blocked:')).map((t) => [t.Key, t.Value]));

beforeAll(async () => {
  emu = await emulator();
  const config = clientConfig({ env: emu.env });
  c = { wafv2: new WAFV2Client(config), ec2: new EC2Client(config), sns: new SNSClient(config) };
  const vpc = await c.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
  const nacl = await c.ec2.send(new CreateNetworkAclCommand({ VpcId: vpc.Vpc!.VpcId! }));
  const set = await c.wafv2.send(new CreateIPSetCommand({ Name: 'test-blocked-hosts', Scope: 'REGIONAL', IPAddressVersion: 'IPV4', Addresses: [] }));
  const topic = await c.sns.send(new CreateTopicCommand({ Name: 'alarms' }));
  s = {
    ipSet: { name: 'test-blocked-hosts', id: set.Summary!.Id!, scope: 'REGIONAL' },
    networkAclId: nacl.NetworkAcl!.NetworkAclId!,
    topicArn: topic.TopicArn,
    blockHours: 12,
    blockSampleFindings: false,
    exemptCidrs: ['10.0.0.0/16', '203.0.113.0/24'],
    rules: { first: 100, last: 102 },
  };
});
afterAll(() => emu?.stop());

test('addresses: the three actions, private, reserved and exempt ones not blockable, documentation ranges blockable', () => {
  expect(
    remoteAddresses({
      service: {
        action: {
          networkConnectionAction: { remoteIpDetails: { ipAddressV4: '198.51.100.1' } },
          portProbeAction: { portProbeDetails: [{ remoteIpDetails: { ipAddressV4: '198.51.100.2' } }, { remoteIpDetails: { ipAddressV4: '198.51.100.1' } }] },
          awsApiCallAction: { remoteIpDetails: { ipAddressV4: '192.0.2.3' } },
        },
      },
    }),
  ).toEqual(['198.51.100.1', '198.51.100.2', '192.0.2.3']);
  expect(notBlockable('10.1.2.3')).toBe('private or reserved');
  expect(notBlockable('172.31.0.1')).toBe('private or reserved');
  expect(notBlockable('100.64.0.1')).toBe('private or reserved');
  expect(notBlockable('169.254.169.254')).toBe('private or reserved');
  expect(notBlockable('255.255.255.255')).toBe('private or reserved');
  expect(notBlockable('1.2.3.256')).toBe('not an IPv4 address');
  expect(notBlockable('203.0.113.9', ['203.0.113.0/24'])).toBe('exempt (203.0.113.0/24)');
  expect(notBlockable('198.51.100.7', ['203.0.113.0/24'])).toBeUndefined();
});

test('a finding with a public address blocks it in the IP set and the ACL, records when, tells the topic; the same finding again changes nothing', async () => {
  const published = jest.spyOn(c.sns, 'send');
  const first = await onEvent(finding('198.51.100.7'), s, c, NOW);
  expect(published.mock.calls.map(([command]) => (command as PublishCommand).input)).toEqual([
    {
      TopicArn: s.topicArn,
      Subject: 'Auto-block: 198.51.100.7',
      Message: `Blocked 198.51.100.7 for 12 h in WAF IP set test-blocked-hosts and network ACL ${s.networkAclId}: GuardDuty UnauthorizedAccess:EC2/MaliciousIPCaller.Custom (severity 5, id f-1).`,
    },
  ]);
  published.mockClear();
  expect(first).toEqual({ blocked: ['198.51.100.7'], unchanged: [], ignored: [], lifted: [], evicted: [] });
  expect(await ipSet()).toEqual(['198.51.100.7/32']);
  expect(await denies()).toEqual(['100 198.51.100.7/32']);
  expect(await records()).toEqual({ 'blocked:198.51.100.7': NOW.toISOString() });

  const token = (await c.wafv2.send(new GetIPSetCommand({ Name: s.ipSet.name, Id: s.ipSet.id, Scope: 'REGIONAL' }))).LockToken;
  const again = await onEvent(finding('198.51.100.7'), s, c, later(1));
  expect(again).toEqual({ blocked: [], unchanged: ['198.51.100.7'], ignored: [], lifted: [], evicted: [] });
  expect(await ipSet()).toEqual(['198.51.100.7/32']);
  expect(await denies()).toEqual(['100 198.51.100.7/32']);
  expect(await records()).toEqual({ 'blocked:198.51.100.7': NOW.toISOString() });
  expect(published).not.toHaveBeenCalled();
  published.mockRestore();
  // No UpdateIPSet: the lock token is the same.
  expect((await c.wafv2.send(new GetIPSetCommand({ Name: s.ipSet.name, Id: s.ipSet.id, Scope: 'REGIONAL' }))).LockToken).toBe(token);
});

test('a sample finding, a finding without remote address, private and exempt addresses are logged and ignored', async () => {
  const logged = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const sample = await onEvent(finding('198.51.100.8', { additionalInfo: { sample: true } }), s, c, NOW);
  expect(sample.ignored).toEqual([{ reason: 'sample finding (blockSampleFindings is false)' }]);
  // The shape GuardDuty's current findings carry: additionalInfo.value, a JSON text.
  const sampleAsValue = await onEvent(finding('198.51.100.8', { additionalInfo: { value: '{"sample":true}', type: 'default' } }), s, c, NOW);
  expect(sampleAsValue.ignored).toEqual([{ reason: 'sample finding (blockSampleFindings is false)' }]);
  const none = await onEvent(finding(undefined), s, c, NOW);
  expect(none).toEqual({ blocked: [], unchanged: [], ignored: [{ reason: 'no remote IPv4 address in the finding' }], lifted: [], evicted: [] });
  const own = await onEvent(finding('10.0.1.5'), s, c, NOW);
  expect(own.ignored).toEqual([{ address: '10.0.1.5', reason: 'private or reserved' }]);
  const exempt = await onEvent(finding('203.0.113.4'), s, c, NOW);
  expect(exempt.ignored).toEqual([{ address: '203.0.113.4', reason: 'exempt (203.0.113.0/24)' }]);
  expect(logged.mock.calls.map((args) => String(args[0]))).toContainEqual(expect.stringContaining('no remote IPv4 address in the finding'));
  logged.mockRestore();
  expect(await ipSet()).toEqual(['198.51.100.7/32']);
  expect(await denies()).toEqual(['100 198.51.100.7/32']);
  // With blockSampleFindings, the sample's address is blocked.
  const allowed = await onEvent(finding('198.51.100.8', { additionalInfo: { sample: true } }), { ...s, blockSampleFindings: true }, c, NOW);
  expect(allowed.blocked).toEqual(['198.51.100.8']);
  await onEvent({ action: 'unblock', address: '198.51.100.8' }, s, c, NOW);
  expect(await ipSet()).toEqual(['198.51.100.7/32']);
});

test('when the range is full the oldest block is lifted for the new one', async () => {
  await onEvent(finding('198.51.100.20'), s, c, later(1));
  await onEvent(finding('198.51.100.21'), s, c, later(2));
  expect(await denies()).toEqual(['100 198.51.100.7/32', '101 198.51.100.20/32', '102 198.51.100.21/32']);
  const r = await onEvent(finding('198.51.100.22'), s, c, later(3));
  expect(r).toEqual({ blocked: ['198.51.100.22'], unchanged: [], ignored: [], lifted: ['198.51.100.7'], evicted: ['198.51.100.7'] });
  expect(await denies()).toEqual(['100 198.51.100.22/32', '101 198.51.100.20/32', '102 198.51.100.21/32']);
  expect(await ipSet()).toEqual(['198.51.100.20/32', '198.51.100.21/32', '198.51.100.22/32']);
  expect(Object.keys(await records()).sort()).toEqual(['blocked:198.51.100.20', 'blocked:198.51.100.21', 'blocked:198.51.100.22']);
});

test('the scheduled rule lifts blocks older than blockHours, and only those', async () => {
  // .20 at +1 h, .21 at +2 h, .22 at +3 h; 12-hour blocks: at +14.5 h the first two are due.
  const r = await onEvent(scheduled, s, c, later(14.5));
  expect(r.lifted.sort()).toEqual(['198.51.100.20', '198.51.100.21']);
  expect(await ipSet()).toEqual(['198.51.100.22/32']);
  expect(await denies()).toEqual(['100 198.51.100.22/32']);
  expect(Object.keys(await records())).toEqual(['blocked:198.51.100.22']);
  expect((await onEvent(scheduled, s, c, later(14.6))).lifted).toEqual([]);
});

test('unblock lifts an address everywhere; an update the lock token lost is retried', async () => {
  // Another writer changes the set between our GetIPSet and UpdateIPSet: the first UpdateIPSet fails, the retry succeeds.
  const send = c.wafv2.send.bind(c.wafv2);
  let raced = false;
  const spy = jest.spyOn(c.wafv2, 'send').mockImplementation(async (command: any) => {
    if (command instanceof UpdateIPSetCommand && !raced) {
      raced = true;
      const got = await send(new GetIPSetCommand({ Name: s.ipSet.name, Id: s.ipSet.id, Scope: 'REGIONAL' }));
      await send(new UpdateIPSetCommand({ Name: s.ipSet.name, Id: s.ipSet.id, Scope: 'REGIONAL', Addresses: [...got.IPSet!.Addresses!, '192.0.2.99/32'], LockToken: got.LockToken }));
    }
    return send(command);
  });
  const r = await onEvent({ action: 'unblock', address: '198.51.100.22' }, s, c, NOW);
  spy.mockRestore();
  expect(raced).toBe(true);
  expect(r.lifted).toEqual(['198.51.100.22']);
  expect(await ipSet()).toEqual(['192.0.2.99/32']);
  expect(await denies()).toEqual([]);
  expect(await records()).toEqual({});
  // Unblocking an address that is not blocked lifts nothing.
  expect(await onEvent({ action: 'unblock', address: '198.51.100.22' }, s, c, NOW)).toEqual({ blocked: [], unchanged: [], ignored: [], lifted: [], evicted: [] });
});
