import { operatorConfig } from '../../scripts/operator/context';
import { expectedRows } from '../../scripts/verify/expected';

const target = { account: '123456789012', partition: 'aws' };
const rowsOf = (context: Record<string, string>) =>
  expectedRows(operatorConfig(context), target)
    .filter((r) => /auto-block/.test(r.resource))
    .map((r) => `${r.resource} | ${r.attribute} | ${r.expected}`);

describe('verify rows of the auto-block part', () => {
  test('none on day 1', () => {
    expect(rowsOf({})).toEqual([]);
  });

  test('day 2: the literal workshop values', () => {
    expect(rowsOf({ day2: 'true' })).toEqual([
      'Network ACL of the public subnets (auto-block) | exists | yes',
      'Network ACL of the public subnets (auto-block) | inbound baseline | allow all at 32000',
      'Network ACL of the public subnets (auto-block) | outbound baseline | allow all at 32000',
      'Network ACL of the public subnets (auto-block) | subnets | Public-Subnet-a-10-0-1, Public-Subnet-b-10-0-2, Public-Subnet-c-10-0-3',
      'Function auto-block (GuardDuty findings) | exists | yes',
      'Function auto-block (GuardDuty findings) | WAF IP set | SecurityWorkshop-blocked-hosts',
      'Function auto-block (GuardDuty findings) | block hours | 12',
      'Function auto-block (GuardDuty findings) | sample findings block | false',
      "Function auto-block (GuardDuty findings) | exempt CIDRs | 10.0.0.0/16,the NAT gateways' addresses",
      'Function auto-block (GuardDuty findings) | reserved rules | 100-109',
      'EventBridge rule GuardDuty findings -> auto-block | exists | yes',
      'EventBridge rule GuardDuty findings -> auto-block | state | ENABLED',
      'EventBridge rule GuardDuty findings -> auto-block | pattern | {"detail":{"severity":[{"numeric":[">=",4]}]},"detail-type":["GuardDuty Finding"],"source":["aws.guardduty"]}',
      'EventBridge rule GuardDuty findings -> auto-block | target | Function auto-block (GuardDuty findings)',
      'EventBridge rule auto-block expiry | exists | yes',
      'EventBridge rule auto-block expiry | state | ENABLED',
      'EventBridge rule auto-block expiry | schedule | rate(15 minutes)',
      'EventBridge rule auto-block expiry | target | Function auto-block (GuardDuty findings)',
    ]);
  });

  test('the settings show in the rows', () => {
    const rows = rowsOf({ day2: 'true', blockSeverity: '7', blockHours: '24', blockSampleFindings: 'true', blockExemptCidrs: '203.0.113.0/24' });
    expect(rows).toContain('Function auto-block (GuardDuty findings) | block hours | 24');
    expect(rows).toContain('Function auto-block (GuardDuty findings) | sample findings block | true');
    expect(rows).toContain('Function auto-block (GuardDuty findings) | exempt CIDRs | 10.0.0.0/16,the NAT gateways\' addresses,203.0.113.0/24');
    expect(rows).toContain('EventBridge rule GuardDuty findings -> auto-block | pattern | {"detail":{"severity":[{"numeric":[">=",7]}]},"detail-type":["GuardDuty Finding"],"source":["aws.guardduty"]}');
  });
});
