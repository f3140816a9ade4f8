/**
 * scripts/cost/prices-us-east-1.json: every price says where it comes from (an AWS pricing page),
 * the day it was checked against that page, and whether the page showed the figure.
 */
import { loadPrices } from '../../scripts/cost/estimate';

/** Numeric leaves that are quantities (assumptions of a workshop hour, hours in a month), not prices. */
const QUANTITIES = [
  'hoursPerMonth',
  'usage.natGbProcessedPerHour.value',
  'usage.flowLogGbPerHour.value',
  'usage.guardDuty.gbAnalysedPerHour',
  'usage.guardDuty.managementEventsPerHour',
  'usage.cloudTrail.managementEventsPerHour',
  'usage.cloudTrail.gbDeliveredPerHour',
  'usage.securityHub.checksPerHour',
  'usage.config.continuousItemsPerHour',
  'usage.config.dailyItemsPerHour',
  'usage.detective.gbIngestedPerHour',
  'usage.loadBalancerLcuPerHour.value',
  'usage.wafRequestsPerHour.value',
];

function numericLeaves(value: unknown, at = ''): string[] {
  if (typeof value === 'number') return [at];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'priceSources' ? [] : numericLeaves(v, at ? `${at}.${k}` : k)));
  }
  return [];
}

interface PriceSource {
  url: string;
  read: string;
  confirmed: boolean;
  says?: string;
  note?: string;
}

describe('price sources', () => {
  const prices = loadPrices() as unknown as Record<string, unknown> & { priceSources: Record<string, PriceSource> };
  const priced = numericLeaves(prices).filter((p) => !QUANTITIES.includes(p));

  test('every quantity listed here is in the table (the list does not hide prices)', () => {
    for (const q of QUANTITIES) expect(numericLeaves(prices)).toContain(q);
  });

  test('every priced entry has a source, and every source a priced entry', () => {
    expect(priced.length).toBe(40);
    expect(Object.keys(prices.priceSources).sort()).toEqual([...priced].sort());
  });

  test.each(Object.keys(loadPrices().priceSources))('%s: an AWS pricing page, the day it was read, and what it showed', (key) => {
    const s = (loadPrices().priceSources as Record<string, PriceSource>)[key];
    expect(s.url).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9-]+\/pricing\/([a-z0-9-]+\/)?$/);
    expect(s.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(s.read))).toBe(false);
    expect(typeof s.confirmed).toBe('boolean');
    // Confirmed: the page's own words; not confirmed: why not.
    if (s.confirmed) expect(s.says).toMatch(/\$|free/);
    else expect(s.note).toBeTruthy();
  });

  test('the CloudTrail prices are those of the stored AWS page', () => {
    expect(prices.priceSources['usage.cloudTrail.additionalCopyPer100kManagementEvents']).toEqual({
      url: 'https://aws.amazon.com/cloudtrail/pricing/',
      read: '2026-12-01',
      confirmed: true,
      says: 'Additional copies of management events are charged at $2.00 per 100,000 events.',
    });
    expect((prices.usage as { cloudTrail: { additionalCopyPer100kManagementEvents: number } }).cloudTrail.additionalCopyPer100kManagementEvents).toBe(2);
  });
});
