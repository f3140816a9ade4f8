import { demoUsage, parseDemoArgs } from '../../scripts/demo';
import { DEMO_COMMANDS } from '../../scripts/demo/index';
import { accountOf, checkInstanceId, customActionEvent } from '../../scripts/demo/isolation';

const ACTION = 'arn:aws:securityhub:us-east-1:123456789012:action/custom/IsolateInstance';

describe('npm run demo -- isolate|release <instance id>', () => {
  test('listed in the usage', () => {
    expect(demoUsage()).toContain('npm run demo -- isolate <instance id>');
    expect(demoUsage()).toContain('npm run demo -- release <instance id>');
    expect(DEMO_COMMANDS.map((d) => d.name)).toEqual(expect.arrayContaining(['isolate', 'release']));
  });

  test('an instance id (8 or 17 hex digits) is required before any AWS call', () => {
    expect(checkInstanceId('i-0123456789abcdef0')).toBeUndefined();
    expect(checkInstanceId('i-01234567')).toBeUndefined();
    expect(checkInstanceId('i-xyz')).toBe('an EC2 instance id, e.g. i-0123456789abcdef0');
    expect(() => parseDemoArgs(['isolate', 'web-1'])).toThrow('demo isolate "web-1": an EC2 instance id, e.g. i-0123456789abcdef0');
    expect(() => parseDemoArgs(['release'])).toThrow('demo release needs <instance id>');
  });

  test('the event is what EventBridge delivers for the custom action', () => {
    expect(accountOf(ACTION)).toEqual({ partition: 'aws', region: 'us-east-1', account: '123456789012' });
    const finding = { Id: 'f-1', ProductArn: 'p' };
    expect(customActionEvent(ACTION, [finding])).toMatchObject({
      version: '0',
      source: 'aws.securityhub',
      'detail-type': 'Security Hub Findings - Custom Action',
      account: '123456789012',
      region: 'us-east-1',
      resources: [ACTION],
      detail: { actionName: 'Isolate instance', findings: [finding] },
    });
  });
});
