import { loadConfig } from '../../lib/config/load-config';
import { WorkshopConfigError } from '../../lib/config/validate-config';
import { WORKSHOP_DEFAULTS, workshopNames } from '../../lib/config/workshop-config';

/** Context as `-c key=value` gives it: every value a string. */
const load = (context: Record<string, unknown>) => loadConfig((k) => context[k]);

describe('settings of the investigation stack', () => {
  test('defaults: no email, threshold 100, no Wazuh role', () => {
    const c = load({});
    expect(c.alarmEmail).toBeUndefined();
    expect(c.rejectedFlowsAlarmThreshold).toBe(100);
    expect(c.wazuhPrincipalArn).toBeUndefined();
  });

  test('valid values load as given', () => {
    const c = load({
      alarmEmail: 'sec.ops+alarms@example.co.uk',
      rejectedFlowsAlarmThreshold: '250',
      wazuhPrincipalArn: 'arn:aws:iam::123456789012:role/service-role/wazuh-manager',
    });
    expect(c.alarmEmail).toBe('sec.ops+alarms@example.co.uk');
    expect(c.rejectedFlowsAlarmThreshold).toBe(250);
    expect(c.wazuhPrincipalArn).toBe('arn:aws:iam::123456789012:role/service-role/wazuh-manager');
    expect(load({ wazuhPrincipalArn: 'arn:aws:iam::123456789012:root' }).wazuhPrincipalArn).toBe('arn:aws:iam::123456789012:root');
    expect(load({ wazuhPrincipalArn: 'arn:aws:iam::123456789012:user/wazuh' }).wazuhPrincipalArn).toBe('arn:aws:iam::123456789012:user/wazuh');
  });

  test('wazuhExternalId: none by default; 2 to 1224 characters of what STS takes, with wazuhPrincipalArn', () => {
    expect(load({}).wazuhExternalId).toBeUndefined();
    const principal = 'arn:aws:iam::123456789012:role/wazuh-manager';
    expect(load({ wazuhPrincipalArn: principal, wazuhExternalId: 'workshop-2026:wazuh' }).wazuhExternalId).toBe('workshop-2026:wazuh');
    expect(load({ wazuhPrincipalArn: principal, wazuhExternalId: 'a_b+c=d,e.f@g:h/i-j' }).wazuhExternalId).toBe('a_b+c=d,e.f@g:h/i-j');
    expect(load({ wazuhPrincipalArn: principal, wazuhExternalId: 'x'.repeat(1224) }).wazuhExternalId).toHaveLength(1224);
  });

  test.each(['x', 'x'.repeat(1225), 'has space', 'semi;colon', 'quote"d', 'ünïcode'])('wazuhExternalId=%s throws', (value) => {
    const principal = 'arn:aws:iam::123456789012:role/wazuh-manager';
    expect(() => load({ wazuhPrincipalArn: principal, wazuhExternalId: value })).toThrow(WorkshopConfigError);
    expect(() => load({ wazuhPrincipalArn: principal, wazuhExternalId: value })).toThrow(
      `wazuhExternalId=${JSON.stringify(value)}: must be 2 to 1224 characters of letters, digits and _+=,.@:/- (what STS takes as an external id), or unset for none`,
    );
  });

  test('wazuhExternalId without wazuhPrincipalArn throws: there is no role to put it on', () => {
    expect(() => load({ wazuhExternalId: 'workshop-2026' })).toThrow(
      'wazuhExternalId="workshop-2026": needs wazuhPrincipalArn: the external id is a condition of the Wazuh reader role, which exists only for a principal',
    );
  });

  test.each(['not-an-email', 'a@b', 'two@@example.com', 'space in@example.com'])('alarmEmail=%s throws', (value) => {
    expect(() => load({ alarmEmail: value })).toThrow(WorkshopConfigError);
    expect(() => load({ alarmEmail: value })).toThrow(`alarmEmail=${JSON.stringify(value)}: must be an email address such as secops@example.com, or unset for no subscription`);
  });

  test.each(['0', '-5', '1.5', 'many', '1000001'])('rejectedFlowsAlarmThreshold=%s throws', (value) => {
    expect(() => load({ rejectedFlowsAlarmThreshold: value })).toThrow(/rejectedFlowsAlarmThreshold=.*: must be a whole number from 1 to 1000000 \(REJECT records in 5 minutes\)/);
  });

  test.each([
    'wazuh-manager',
    'arn:aws:iam::12345:role/wazuh',
    'arn:aws:sts::123456789012:assumed-role/wazuh/session',
    'arn:aws:iam::123456789012:group/admins',
    'arn:aws:s3:::bucket',
    'arn:aws:iam::123456789012:role/',
  ])('wazuhPrincipalArn=%s throws', (value) => {
    expect(() => load({ wazuhPrincipalArn: value })).toThrow(
      `wazuhPrincipalArn=${JSON.stringify(value)}: must be an IAM ARN of an account root, user or role, e.g. arn:aws:iam::123456789012:role/wazuh-manager, or unset for no role`,
    );
  });

  test('derived names', () => {
    const n = workshopNames(WORKSHOP_DEFAULTS).investigation;
    expect(n).toEqual({
      queryFolder: 'SecurityWorkshop',
      metricNamespace: 'SecurityWorkshop/FlowLogs',
      rejectedFlowsMetric: 'RejectedFlows',
      rejectedFlowsAlarm: 'SecurityWorkshop-FlowLogs-Rejected-Spike',
      alarmTopic: 'SecurityWorkshop-Alarms',
      glueDatabase: 'securityworkshop_logs',
      flowLogTable: 'vpc_flow_logs',
      cloudTrailTable: 'cloudtrail_logs',
      athenaWorkGroup: 'SecurityWorkshop-Investigation',
      trail: 'SecurityWorkshop-Trail',
      trailLogGroup: 'SecurityWorkshop-CloudTrail',
      wazuhReader: 'SecurityWorkshop-WazuhVpcFlowReader',
    });
    expect(workshopNames({ ...WORKSHOP_DEFAULTS, stackPrefix: 'Team-7' }).investigation.glueDatabase).toBe('team_7_logs');
  });
});
