import { remoteAddresses } from '../../lib/handlers/auto-block';
import { parseDemoArgs } from '../../scripts/demo';
import { checkAddress, demoFinding } from '../../scripts/demo/auto-block';

describe('npm run demo -- block|unblock <ipv4>', () => {
  test('both are listed; a public or documentation address is accepted', () => {
    for (const name of ['block', 'unblock']) {
      const parsed = parseDemoArgs([name, '198.51.100.7']);
      expect(parsed.help ? undefined : parsed.command.name).toBe(name);
    }
    expect(checkAddress('8.8.8.8')).toBeUndefined();
  });

  test.each([
    ['10.0.1.5', 'private or reserved: give a public IPv4 address, e.g. 198.51.100.7 (a documentation address that nothing routes)'],
    ['192.168.1.1', 'private or reserved'],
    ['example.com', 'not an IPv4 address'],
    ['1.2.3.999', 'not an IPv4 address'],
  ])('%s is refused before any AWS call: %s', (operand, message) => {
    expect(checkAddress(operand)).toContain(message);
    expect(() => parseDemoArgs(['block', operand])).toThrow(`demo block "${operand}": ${message}`);
  });

  test('the event is a GuardDuty finding as EventBridge delivers it, for that address, not a sample, at the severity given', () => {
    const e = demoFinding('198.51.100.7', { account: '123456789012', region: 'us-east-1', severity: 5, now: new Date('2026-12-01T09:00:00Z') });
    expect(e.source).toBe('aws.guardduty');
    expect(e['detail-type']).toBe('GuardDuty Finding');
    expect(e.detail.severity).toBe(5);
    expect(e.detail.service.additionalInfo.sample).toBe(false);
    expect(e.detail.title).toBe('Demo: inbound connection from 198.51.100.7 (npm run demo -- block)');
    expect(e.detail.service.eventFirstSeen).toBe('2026-12-01T09:00:00.000Z');
    expect(remoteAddresses(e.detail)).toEqual(['198.51.100.7']);
  });
});
