import { DAY2 } from '../support/configurations';
import { templateOf } from '../support/synthesized';

describe('blocked hosts IP set (day 2)', () => {
  test('one empty regional IPv4 IP set named after the stack, on day 2 only', () => {
    templateOf().resourceCountIs('AWS::WAFv2::IPSet', 0);
    const t = templateOf(DAY2);
    t.resourceCountIs('AWS::WAFv2::IPSet', 1);
    t.hasResourceProperties('AWS::WAFv2::IPSet', {
      Name: 'SecurityWorkshop-blocked-hosts',
      Scope: 'REGIONAL',
      IPAddressVersion: 'IPV4',
      Addresses: [],
    });
  });
});
