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
