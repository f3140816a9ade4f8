/** The cost report: per mode and scenario, as text (npm run cost) or markdown (docs/cost.md). */
import * as path from 'node:path';
import { ROOT } from '../operator/context';
import { Estimate, Prices, PRICES_FILE, ResourceCounts, round } from './estimate';


export interface Mode {
  readonly title: string;
  readonly counts: ResourceCounts;
  readonly estimate: Estimate;
}

export interface Scenario {
  readonly participants: number;
  readonly hours: number;
  /** What the row says (default "N participants x H h"). */
  readonly label?: string;
}

export const DEFAULT_SCENARIOS: Scenario[] = [
  { participants: 1, hours: 1 },
  { participants: 1, hours: 4 },
  { participants: 20, hours: 4 },
];

const usd = (n: number) => (Number.isNaN(n) ? 'n/a' : n < 0.01 && n > 0 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`);

/** Rows shared by the text and Markdown tables: one per item, with each mode's quantity and $/h. */
function rows(modes: Mode[]): string[][] {
  const items = [...new Set(modes.flatMap((m) => m.estimate.lines.map((l) => l.item.replace(/ \(.*\)$/, ''))))];
  const body = items.map((item) => {
    const per = modes.map((m) => m.estimate.lines.find((l) => l.item.replace(/ \(.*\)$/, '') === item));
    const first = per.find((l) => l)!;
    return [
      item + (first.usage ? ' *' : ''),
      first.priceText,
      ...per.flatMap((l) => [l ? String(round(l.quantity, 4)) : '0', l ? usd(l.perHour) : '$0.00']),
    ];
  });
  body.push(['Total per participant-hour', '', ...modes.flatMap((m) => ['', usd(m.estimate.perHour)])]);
  body.push(['Total per participant-day (24 h)', '', ...modes.flatMap((m) => ['', usd(m.estimate.perHour * 24)])]);
  return body;
}

function header(modes: Mode[]): string[] {
  return ['Item', 'Unit price', ...modes.flatMap((m) => [`Qty (${m.title})`, `$/h (${m.title})`])];
}

function scenarioRows(modes: Mode[], scenarios: Scenario[]): string[][] {
  return scenarios.map((s) => [
    s.label ?? `${s.participants} participant${s.participants === 1 ? '' : 's'} x ${s.hours} h`,
    ...modes.map((m) => usd(m.estimate.perHour * s.participants * s.hours)),
  ]);
}

function textTable(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function mdTable(head: string[], body: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function assumptions(modes: Mode[], prices: Prices): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of modes.flatMap((m) => m.estimate.lines)) {
    if (l.assumption && !seen.has(l.assumption)) {
      seen.add(l.assumption);
      out.push(`${l.item}: ${l.assumption}`);
    }
  }
  out.push(`EC2: ${prices.ec2.note}`);
  out.push(`Public IPv4: ${prices.publicIpv4.note}`);
  out.push(`Athena: ${prices.usage.athena.assumption}.`);
  out.push('Not counted: Lambda invocations of the custom resources and their log groups, S3 storage of a few MB of logs, data transfer out (all a fraction of a cent per hour).');
  const unpriced = [...new Set(modes.flatMap((m) => m.estimate.unpriced))];
  if (unpriced.length) out.push(`UNPRICED (left out of the totals; add them to ${path.basename(PRICES_FILE)}): ${unpriced.join(', ')}`);
  return out;
}

function countsLine(m: Mode): string {
  const c = m.counts;
  const inst = c.instances.map((i) => `${i.name} ${i.instanceType} ${i.platform} ${i.rootGiB} GiB${i.publicIp ? ' public IP' : ''}`).join('; ');
  return `${m.title}: ${c.natGateways} NAT gateway(s), ${c.eips} EIP(s), ${c.publicIpv4} public IPv4, ${c.instances.length} instance(s) [${inst}], ${c.flowLogsToCloudWatch + c.flowLogsToS3} flow log(s), ${c.secrets} secret(s), ${c.alarms} alarm(s), ${c.trails} trail(s)`;
}

export function renderText(modes: Mode[], prices: Prices, scenarios: Scenario[]): string {
  return [
    `Estimated cost, ${prices.region} on-demand list prices (recorded ${prices.recorded}), per participant (one account each):`,
    '',
    textTable(header(modes), rows(modes)),
    '',
    textTable(['Scenario', ...modes.map((m) => m.title)], scenarioRows(modes, scenarios)),
    '',
    'Counted from the synthesized templates:',
    ...modes.map((m) => `  ${countsLine(m)}`),
    '',
    '* usage-priced: quantity is an assumption:',
    ...assumptions(modes, prices).map((a) => `  - ${a}`),
    '',
    `Prices: ${path.relative(ROOT, PRICES_FILE)} (${Object.values(prices.sources).join(', ')})`,
  ].join('\n');
}

/** How many prices were confirmed against AWS's own page on the day read (priceSources in the prices file). */
export function confirmedNote(prices: Prices): string {
  const sources = Object.values(prices.priceSources as Record<string, { confirmed: boolean }>);
  const confirmed = sources.filter((s) => s.confirmed).length;
  return (
    `Each price names its AWS pricing page and the day it was read (\`priceSources\`); ${confirmed} of ${sources.length} were confirmed ` +
    "against a copy of AWS's page, the others (AWS renders most price tables at view time) are as recorded by hand: re-check them before quoting a budget."
  );
}

export function renderMarkdown(modes: Mode[], prices: Prices, scenarios: Scenario[]): string {
  return [
    '# What a workshop costs',
    '',
    '<!-- Generated by `npm run cost -- --markdown > docs/cost.md`; do not edit by hand. -->',
    '',
    `Estimate for one participant (one AWS account each), ${prices.region} on-demand list prices recorded ${prices.recorded} ` +
      `in [\`${path.relative(ROOT, PRICES_FILE)}\`](../${path.relative(ROOT, PRICES_FILE)}). ` +
      'Resource counts come from the synthesized templates (`cdk synth`), so the figures follow the code. ' +
      'The cheaper mode (`-c natGateways=1`) departs from the workshop text: one NAT gateway for the three private subnets.',
    '',
    confirmedNote(prices),
    '',
    '## Scenarios',
    '',
    mdTable(['Scenario', ...modes.map((m) => m.title)], scenarioRows(modes, scenarios)),
    '',
    '## Per participant-hour',
    '',
    mdTable(header(modes), rows(modes)),
    '',
    'Counted from the synthesized templates:',
    '',
    ...modes.map((m) => `- ${countsLine(m)}`),
    '',
    '\\* Usage-priced: the price is AWS\'s, the quantity an assumption:',
    '',
    ...assumptions(modes, prices).map((a) => `- ${a}`),
    '',
    'Sources: ' + Object.entries(prices.sources).map(([k, v]) => `[${k}](${v})`).join(', ') + '.',
    '',
    `${prices.note}`,
    '',
    'Other numbers: `npm run cost -- --participants N --hours H` (and `-c key=value` as for `cdk`).',
    '',
  ].join('\n');
}
