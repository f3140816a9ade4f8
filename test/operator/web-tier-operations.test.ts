/**
 * Day 2, protect: the preflight check and the leftover checks of the web tier against the
 * emulator (the verify rows are read back by `npm run local -- -c day2=true`; their expected
 * values are checked here), on resources made by hand under the names the web tier gives.
 */
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateLoadBalancerCommand, DeleteLoadBalancerCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateIPSetCommand, CreateWebACLCommand, DeleteIPSetCommand, ListIPSetsCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { loadConfig } from '../../lib/config/load-config';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { findLeftovers } from '../../scripts/leftovers/find';
import { awsClients, AwsClients } from '../../scripts/operator/clients';
import { webTier } from '../../scripts/preflight/checks/web-tier';
import { Finding } from '../../scripts/preflight/types';
import { scopeOf } from '../../scripts/verify/part';
import { webTierPart } from '../../scripts/verify/parts/web-tier';
import { emulatorConfig } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let c: AwsClients;
let elb: ElasticLoadBalancingV2Client;
const day2 = (extra: Record<string, string> = {}) => loadConfig((k) => ({ day2: 'true', ...extra })[k]);

beforeAll(async () => {
  emu = await startEmulator();
  c = awsClients('us-east-1', { env: { ...process.env, ...emu.env } });
  elb = new ElasticLoadBalancingV2Client(emulatorConfig(emu));
});
afterAll(async () => {
  c?.destroy();
  elb?.destroy();
  await emu?.stop();
});

async function preflight(config = day2()): Promise<Finding[]> {
  const out: Finding[] = [];
  await webTier.run({ config, c }, out);
  return out;
}

test('verify expects the workshop placement, the security-group chain, the listeners and the rules in order', () => {
  const rows = webTierPart.expectedRows(scopeOf(day2(), { account: '123456789012', partition: 'aws' }));
  const value = (resource: string, attribute: string) => rows.find((r) => r.resource === resource && r.attribute === attribute)?.expected;
  expect(value('Load balancer SecurityWorkshop-web', 'subnets')).toBe('Public-Subnet-a-10-0-1, Public-Subnet-b-10-0-2, Public-Subnet-c-10-0-3');
  expect(value('Load balancer SecurityWorkshop-web', 'listeners')).toBe('HTTP 80 forward');
  expect(value('Auto Scaling group SecurityWorkshop-web', 'subnets')).toBe('Private-Subnet-a-10-0-4, Private-Subnet-b-10-0-5, Private-Subnet-c-10-0-6');
  expect(value('Auto Scaling group SecurityWorkshop-web', 'min capacity')).toBe('2');
  expect(value('Security group SecurityWorkshop-web-alb', 'inbound rules')).toBe('tcp 80 from 0.0.0.0/0');
  expect(value('Security group SecurityWorkshop-web-instances', 'inbound rules')).toBe('tcp 80 from SecurityWorkshop-web-alb');
  expect(value('Web ACL SecurityWorkshop-web', 'rules in order')).toBe('BlockedHosts, AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesAmazonIpReputationList');
  expect(value('Web ACL SecurityWorkshop-web', 'BlockedHosts blocks')).toBe('IP set SecurityWorkshop-blocked-hosts');
  const https = webTierPart.expectedRows(scopeOf(day2({ domainName: 'web.example.com', hostedZoneId: 'Z0123' }), { account: '123456789012', partition: 'aws' }));
  expect(https.find((r) => r.resource === 'Load balancer SecurityWorkshop-web' && r.attribute === 'listeners')?.expected).toBe(
    'HTTP 80 redirect to HTTPS 443; HTTPS 443 forward (ELBSecurityPolicy-TLS13-1-2-2021-06)',
  );
  expect(webTierPart.expectedRows(scopeOf(loadConfig(() => undefined), { account: '123456789012', partition: 'aws' }))).toEqual([]);
});

test('preflight: room for the load balancer, the web ACL and the IP set in a fresh account; nothing on day 1', async () => {
  expect(await preflight(loadConfig(() => undefined))).toEqual([]);
  expect(await preflight()).toEqual([
    { level: 'INFO', check: 'Web tier', found: '0 of 20 Application Load Balancers in use: room for SecurityWorkshop-web', action: '' },
    { level: 'INFO', check: 'Web tier', found: '0 of 100 regional WAF web ACLs in use: room for SecurityWorkshop-web', action: '' },
    { level: 'INFO', check: 'Web tier', found: '0 of 100 regional WAF IP sets in use: room for SecurityWorkshop-blocked-hosts', action: '' },
  ]);
});

test('preflight with a domain: the public zone that holds it is INFO; a private zone, another domain\'s zone or no zone is a blocker', async () => {
  const r53 = new Route53Client(emulatorConfig(emu));
  const zoneId = async (name: string, vpc?: string) =>
    (await r53.send(new CreateHostedZoneCommand({ Name: name, CallerReference: `${name}-${Date.now()}`, ...(vpc ? { VPC: { VPCRegion: 'us-east-1', VPCId: vpc }, HostedZoneConfig: { PrivateZone: true } } : {}) })))
      .HostedZone!.Id!.split('/').pop()!;
  const ec2 = new EC2Client(emulatorConfig(emu));
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }))).Vpc!.VpcId!;
  const publicZone = await zoneId('example.com');
  const privateZone = await zoneId('internal.example', vpc);
  // moto's zone ids do not start with Z as AWS's do (the setting's check would refuse them): the config is built past it.
  const zone = async (domainName: string, hostedZoneId: string) => (await preflight({ ...day2(), domainName, hostedZoneId })).find((f) => /hosted zone/.test(f.found));
  expect(await zone('web.example.com', publicZone)).toMatchObject({ level: 'INFO', found: `public hosted zone ${publicZone} (example.com) holds web.example.com: the certificate is validated there and the alias record written` });
  expect(await zone('web.example.org', publicZone)).toMatchObject({ level: 'BLOCKER', found: `hosted zone ${publicZone} is example.com: it cannot hold web.example.org` });
  expect(await zone('web.internal.example', privateZone)).toMatchObject({ level: 'BLOCKER', found: expect.stringMatching(/is private/) });
  expect(await zone('web.example.com', 'Z0NOSUCHZONE0')).toMatchObject({ level: 'BLOCKER', found: 'hosted zone Z0NOSUCHZONE0 does not exist in this account' });
  r53.destroy();
  ec2.destroy();
});

test("someone else's load balancer and web ACL under the web tier's names: preflight blockers; leftovers lists them and the IP set", async () => {
  const ec2 = new EC2Client(emulatorConfig(emu));
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.8.0.0/16' }))).Vpc!.VpcId!;
  const subnets = await Promise.all(
    ['a', 'b'].map(async (z, i) => (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.8.${i}.0/24`, AvailabilityZone: `us-east-1${z}` }))).Subnet!.SubnetId!),
  );
  const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'SecurityWorkshop-web', Subnets: subnets }))).LoadBalancers![0];
  const waf = new WAFV2Client(emulatorConfig(emu));
  const visibility = { CloudWatchMetricsEnabled: false, MetricName: 'm', SampledRequestsEnabled: false };
  await waf.send(new CreateWebACLCommand({ Name: 'SecurityWorkshop-web', Scope: 'REGIONAL', DefaultAction: { Allow: {} }, VisibilityConfig: visibility, Rules: [] }));
  await waf.send(new CreateIPSetCommand({ Name: 'SecurityWorkshop-blocked-hosts', Scope: 'REGIONAL', IPAddressVersion: 'IPV4', Addresses: [] }));

  const blockers = (await preflight()).filter((f) => f.level === 'BLOCKER');
  expect(blockers.map((f) => f.found)).toEqual([
    "Load balancer SecurityWorkshop-web already exists, outside the app's stack: the deploy would fail on it",
    "Web ACL SecurityWorkshop-web already exists, outside the app's stack: the deploy would fail on it",
  ]);
  expect(blockers[0].action).toContain('-c stackPrefix=SecurityWorkshop2');

  const { items } = await findLeftovers(day2(), c);
  const kinds = items.map((i) => `${i.kind}: ${i.name ?? i.id}`);
  expect(kinds).toEqual(expect.arrayContaining(['load balancer: SecurityWorkshop-web', 'WAF web ACL: SecurityWorkshop-web', 'WAF IP set: SecurityWorkshop-blocked-hosts']));
  await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
  waf.destroy();
  ec2.destroy();
});

test('preflight: a region already holding AWS WAF\'s 100 regional IP sets is a blocker for the blocked-hosts IP set', async () => {
  const waf = new WAFV2Client(emulatorConfig(emu));
  const made: { Name: string; Id: string; LockToken: string }[] = [];
  const existing = ((await waf.send(new ListIPSetsCommand({ Scope: 'REGIONAL', Limit: 100 }))).IPSets ?? []).filter((s) => s.Name !== 'SecurityWorkshop-blocked-hosts').length;
  for (let i = 0; existing + made.length < 100; i++) {
    const s = (await waf.send(new CreateIPSetCommand({ Name: `other-${i}`, Scope: 'REGIONAL', IPAddressVersion: 'IPV4', Addresses: [] }))).Summary!;
    made.push({ Name: s.Name!, Id: s.Id!, LockToken: s.LockToken! });
  }
  try {
    const found = (await preflight()).find((f) => /IP sets/.test(f.found));
    expect(found).toMatchObject({
      level: 'BLOCKER',
      found: "100 regional WAF IP sets in us-east-1; AWS WAF's default quota is 100: no room for SecurityWorkshop-blocked-hosts",
      action: expect.stringContaining('aws wafv2 list-ip-sets --scope REGIONAL --region us-east-1'),
    });
  } finally {
    for (const s of made) await waf.send(new DeleteIPSetCommand({ Scope: 'REGIONAL', ...s }));
    waf.destroy();
  }
});
