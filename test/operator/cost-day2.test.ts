/** `npm run cost` on day 2: Security Hub checks, AWS Config items (continuous or daily) and Detective, from the templates. */
import { countResources, estimate, loadPrices } from '../../scripts/cost/estimate';
import type { Templates } from '../../scripts/operator/template';
import { DAY2, DAY2_OPTIONS } from '../support/configurations';
import { synthesized } from '../support/synthesized';

function templatesOf(context: Record<string, unknown>): Templates {
  const { stackName, template } = synthesized(context);
  return { [stackName]: template.toJSON() };
}

const prices = loadPrices();
const line = (e: ReturnType<typeof estimate>, prefix: string) => e.lines.find((l) => l.item.startsWith(prefix));

test('day 1 has no day-2 respond lines', () => {
  const c = countResources(templatesOf({}));
  expect([c.securityHubs, c.configRecorders, c.detectiveGraphs]).toEqual([0, { continuous: 0, daily: 0 }, 0]);
  const e = estimate(c, prices);
  for (const item of ['Security Hub', 'AWS Config', 'Detective']) expect(line(e, item)).toBeUndefined();
});

test('day 2: 200 Security Hub checks an hour at $0.001, 40 continuous Config items at $0.003, no Detective', () => {
  const c = countResources(templatesOf(DAY2));
  expect([c.securityHubs, c.configRecorders, c.detectiveGraphs]).toEqual([1, { continuous: 1, daily: 0 }, 0]);
  const e = estimate(c, prices);
  expect(line(e, 'Security Hub security checks')?.perHour).toBeCloseTo(200 * 0.001, 6);
  expect(line(e, 'AWS Config items (continuous recording)')?.perHour).toBeCloseTo(40 * 0.003, 6);
  expect(line(e, 'AWS Config items (daily')).toBeUndefined();
  expect(line(e, 'Detective')).toBeUndefined();
});

test('day 2 with configRecording=daily and detective=true: 5.5 daily items at $0.012, 10 MB into Detective at $2 per GB', () => {
  const c = countResources(templatesOf(DAY2_OPTIONS));
  expect([c.securityHubs, c.configRecorders, c.detectiveGraphs]).toEqual([1, { continuous: 0, daily: 1 }, 1]);
  const e = estimate(c, prices);
  expect(line(e, 'AWS Config items (daily recording)')?.perHour).toBeCloseTo(5.5 * 0.012, 6);
  expect(line(e, 'AWS Config items (continuous')).toBeUndefined();
  expect(line(e, 'Detective data ingested')?.perHour).toBeCloseTo(0.01 * 2.0, 6);
});

test('day 1 has no web tier lines', () => {
  const c = countResources(templatesOf({}));
  expect([c.loadBalancers, c.webAcls, c.wafRules]).toEqual([0, 0, 0]);
  const e = estimate(c, prices);
  for (const item of ['Application Load Balancer', 'Load balancer capacity units', 'WAF']) expect(line(e, item)).toBeUndefined();
});

test('day 2 web tier: the load balancer ($0.0225/h, 0.2 LCU at $0.008), its 3 public addresses, WAF ($5 ACL and 4 × $1 rules a month, 2,000 requests at $0.60/M), 2 t3.micro at minimum capacity', () => {
  const day1 = countResources(templatesOf({}));
  const c = countResources(templatesOf(DAY2));
  expect([c.loadBalancers, c.webAcls, c.wafRules]).toEqual([1, 1, 4]);
  expect(c.publicIpv4 - day1.publicIpv4).toBe(3);
  const web = c.instances.filter((i) => i.name.startsWith('SecurityWorkshop-web'));
  expect(web.map((i) => [i.name, i.instanceType, i.platform, i.rootGiB, i.publicIp])).toEqual([
    ['SecurityWorkshop-web #1', 't3.micro', 'linux', 8, false],
    ['SecurityWorkshop-web #2', 't3.micro', 'linux', 8, false],
  ]);
  const e = estimate(c, prices);
  expect(line(e, 'Application Load Balancer')?.perHour).toBeCloseTo(0.0225, 6);
  expect(line(e, 'Load balancer capacity units')?.perHour).toBeCloseTo(0.2 * 0.008, 6);
  expect(line(e, 'WAF web ACL')?.perHour).toBeCloseTo(5 / 730, 6);
  expect(line(e, 'WAF rules')?.perHour).toBeCloseTo(4 / 730, 6);
  expect(line(e, 'WAF requests')?.perHour).toBeCloseTo((2000 / 1e6) * 0.6, 6);
  expect(line(e, 'EC2 t3.micro Linux')?.quantity).toBe(c.instances.filter((i) => i.instanceType === 't3.micro' && i.platform === 'linux').length);
});

test('the price table names its sources for the web tier', () => {
  expect(prices.sources.elasticLoadBalancing).toBe('https://aws.amazon.com/elasticloadbalancing/pricing/');
  expect(prices.sources.waf).toBe('https://aws.amazon.com/waf/pricing/');
  expect([prices.applicationLoadBalancer.recorded, prices.waf.recorded]).toEqual(['2026-12-01', '2026-12-01']);
});
