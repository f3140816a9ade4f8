/**
 * `npm run cost`: counts come from synthesized templates (the app built as `cdk synth` would),
 * and the totals are the price table's arithmetic.
 */
import { countResources, estimate, loadPrices } from '../../scripts/cost/estimate';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { costScenarios } from '../../scripts/cost/room';
import { DEFAULT_SCENARIOS, renderMarkdown, renderText } from '../../scripts/cost/report';
import { parseArgs, UsageError } from '../../scripts/operator/args';
import type { Templates } from '../../scripts/operator/template';
import { synthesized } from '../support/synthesized';
import { OPTIONAL_SETTINGS } from '../support/configurations';

/** The app's stack, synthesized as `cdk synth` would with these -c values. */
function templatesOf(context: Record<string, unknown>): Templates {
  const { stackName, template } = synthesized(context);
  return { [stackName]: template.toJSON() };
}

const prices = loadPrices();
let workshop: Templates;
let cheaper: Templates;

beforeAll(() => {
  workshop = templatesOf({});
  cheaper = templatesOf({ natGateways: '1' });
});

test('workshop mode: 3 NAT gateways, 3 EIPs, 3 instances with their types, platforms, root volumes and one public IP', () => {
  const c = countResources(workshop);
  expect(c.natGateways).toBe(3);
  expect(c.eips).toBe(3);
  expect(c.instances.map((i) => [i.name, i.instanceType, i.platform, i.rootGiB, i.publicIp]).sort()).toEqual([
    ['Ubuntu-instance-001-no-updates', 't3.micro', 'linux', 8, false],
    ['Windows-instance-001', 't3.small', 'windows', 30, false],
    ['webserver-001-default-vpc', 't3.micro', 'linux', 8, true],
  ]);
  expect(c.publicIpv4).toBe(4);
  expect(c.flowLogsToCloudWatch).toBe(1);
  expect(c.flowLogsToS3).toBe(1);
  expect(c.secrets).toBe(1);
});

test('cheaper mode (natGateways=1): 1 NAT gateway, 1 EIP, the same instances', () => {
  const c = countResources(cheaper);
  expect(c.natGateways).toBe(1);
  expect(c.eips).toBe(1);
  expect(c.instances).toHaveLength(3);
  expect(c.publicIpv4).toBe(2);
});

test('the estimate is the price table times the counts', () => {
  const e = estimate(countResources(workshop), prices);
  const line = (prefix: string) => e.lines.find((l) => l.item.startsWith(prefix))!;
  expect(line('NAT gateway').perHour).toBeCloseTo(3 * 0.045, 6);
  expect(line('Public IPv4').perHour).toBeCloseTo(4 * 0.005, 6);
  expect(line('EC2 t3.micro Linux').perHour).toBeCloseTo(2 * 0.0104, 6);
  expect(line('EC2 t3.small Windows').perHour).toBeCloseTo(0.0392, 6);
  expect(line('EBS gp3').perHour).toBeCloseTo((46 * 0.08) / 730, 6);
  expect(line('Inspector EC2').perHour).toBeCloseTo((3 * 1.2584) / 730, 6);
  // Control Tower: the three instances' detailed monitoring (7 metrics each) and the workshop key.
  expect(line('EC2 detailed monitoring').perHour).toBeCloseTo((3 * 7 * 0.3) / 730, 6);
  expect(line('KMS customer-managed key').perHour).toBeCloseTo(1 / 730, 6);
  expect(e.perHour).toBeCloseTo(e.lines.reduce((s, l) => s + l.perHour, 0), 6);
  expect(e.unpriced).toEqual([]);

  const c = estimate(countResources(cheaper), prices);
  // The cheaper mode saves two NAT gateways and their two public addresses per hour.
  expect(e.perHour - c.perHour).toBeCloseTo(2 * 0.045 + 2 * 0.005, 6);
});

test('an instance type missing from the price table is reported unpriced, not guessed', () => {
  const counts = countResources(templatesOf(OPTIONAL_SETTINGS));
  const e = estimate(counts, prices);
  expect(e.unpriced).toEqual(['m5.large windows']);
  expect(e.lines.find((l) => l.item.includes('UNPRICED'))!.item).toContain('m5.large');
});

test('the Markdown report has the default scenarios', () => {
  const modes = [
    { title: 'workshop', counts: countResources(workshop), estimate: estimate(countResources(workshop), prices) },
    { title: 'cheaper', counts: countResources(cheaper), estimate: estimate(countResources(cheaper), prices) },
  ];
  const md = renderMarkdown(modes, prices, DEFAULT_SCENARIOS);
  const perHour = modes[0].estimate.perHour;
  expect(md).toContain(`| 1 participant x 1 h | $${perHour.toFixed(2)} |`);
  expect(md).toContain(`| 20 participants x 4 h | $${(perHour * 80).toFixed(2)} |`);
});

describe('npm run cost -- --roster FILE --hours H: the room from its roster', () => {
  const spec = { usage: 'u', flags: { participants: 'count', roster: 'text', hours: 'positive', markdown: 'switch' } } as const;

  test('participants = roster lines (the fleet roster reader); per participant and room totals in both modes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cost-roster-'));
    const file = path.join(dir, 'room.csv');
    fs.writeFileSync(file, 'participant,accountId,email\n# a comment\nalice,111111111111,alice@example.com\nbob,222222222222\n\ncarol,333333333333\n');
    try {
      const scenarios = costScenarios(parseArgs(spec, ['--roster', file, '--hours', '4']));
      expect(scenarios).toEqual([
        { participants: 1, hours: 4, label: 'per participant x 4 h' },
        { participants: 3, hours: 4, label: `room ${file}: 3 participants x 4 h` },
      ]);
      const modes = [
        { title: 'workshop', counts: countResources(workshop), estimate: estimate(countResources(workshop), prices) },
        { title: 'cheaper', counts: countResources(cheaper), estimate: estimate(countResources(cheaper), prices) },
      ];
      const text = renderText(modes, prices, scenarios);
      expect(text).toMatch(/per participant x 4 h\s+\$1\.07\s+\$0\.67/);
      expect(text).toMatch(new RegExp(`room ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 3 participants x 4 h\\s+\\$3\\.21\\s+\\$2\\.01`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--roster and --participants together is a usage error; no --roster keeps the old scenarios', () => {
    expect(() => costScenarios(parseArgs(spec, ['--roster', 'room.csv', '--participants', '3']), () => 3)).toThrow(UsageError);
    expect(costScenarios(parseArgs(spec, ['--participants', '20', '--hours', '4']))).toEqual([{ participants: 20, hours: 4 }]);
    expect(costScenarios(parseArgs(spec, ['--roster', 'x.csv']), () => 5)).toEqual([
      { participants: 1, hours: 1, label: 'per participant x 1 h' },
      { participants: 5, hours: 1, label: 'room x.csv: 5 participants x 1 h' },
    ]);
  });
});
