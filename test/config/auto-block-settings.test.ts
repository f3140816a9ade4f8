import { loadConfig } from '../../lib/config/load-config';
import { WorkshopConfigError } from '../../lib/config/validate-config';

/** Context as `-c key=value` gives it: every value a string. */
const load = (context: Record<string, unknown>) => loadConfig((k) => context[k]);

describe('settings of the day-2 auto-block part', () => {
  test('defaults: severity 4 (medium) and above, 12-hour blocks, no sample findings, nothing exempt beyond the VPC', () => {
    const c = load({});
    expect(c.blockSeverity).toBe(4);
    expect(c.blockHours).toBe(12);
    expect(c.blockSampleFindings).toBe(false);
    expect(c.blockExemptCidrs).toEqual([]);
  });

  test('valid values load as given', () => {
    const c = load({ blockSeverity: '7.5', blockHours: '168', blockSampleFindings: 'true', blockExemptCidrs: '203.0.113.0/24, 192.0.2.10/32' });
    expect(c.blockSeverity).toBe(7.5);
    expect(c.blockHours).toBe(168);
    expect(c.blockSampleFindings).toBe(true);
    expect(c.blockExemptCidrs).toEqual(['203.0.113.0/24', '192.0.2.10/32']);
  });

  test.each([
    [{ blockSeverity: '0.5' }, 'blockSeverity=0.5: must be a number from 1 to 10, the lowest GuardDuty severity that blocks (low 1-3.9, medium 4-6.9, high 7-8.9, critical 9-10)'],
    [{ blockSeverity: 'high' }, 'blockSeverity="high": must be a number from 1 to 10'],
    [{ blockHours: '0' }, 'blockHours=0: must be a whole number of hours from 1 to 168 (how long a block lasts before the scheduled rule lifts it)'],
    [{ blockHours: '1.5' }, 'blockHours="1.5": must be a whole number of hours from 1 to 168'],
    [{ blockHours: '169' }, 'blockHours=169: must be a whole number of hours from 1 to 168'],
    [{ blockSampleFindings: 'yes' }, 'blockSampleFindings="yes": must be true or false (true lets GuardDuty sample findings block their made-up addresses)'],
    [{ blockExemptCidrs: '203.0.113.0' }, 'blockExemptCidrs="203.0.113.0": is not an IPv4 CIDR such as 10.0.1.0/24 (addresses never blocked)'],
    [{ blockExemptCidrs: '203.0.113.1/24' }, 'blockExemptCidrs="203.0.113.1/24": has host bits set'],
  ])('%j throws naming the setting, the value and what is allowed', (context, message) => {
    expect(() => load(context)).toThrow(WorkshopConfigError);
    expect(() => load(context)).toThrow(message);
  });

  test('more than 20 exempt CIDRs: the limit is named', () => {
    expect(() => load({ blockExemptCidrs: Array.from({ length: 21 }, (_, i) => `192.0.2.${i}/32`).join(',') })).toThrow(
      'must list at most 20 IPv4 CIDRs, comma-separated',
    );
  });
});
