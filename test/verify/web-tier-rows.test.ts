/** How verify's web-tier part writes what it reads: the listeners of the load balancer. */
import { describeListeners } from '../../scripts/verify/parts/web-tier';

test('listeners: sorted by port, forward or redirect, the TLS policy of HTTPS', () => {
  expect(describeListeners([{ Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }] }])).toBe('HTTP 80 forward');
  expect(
    describeListeners([
      { Protocol: 'HTTPS', Port: 443, SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }] },
      { Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] },
    ]),
  ).toBe('HTTP 80 redirect to HTTPS 443; HTTPS 443 forward (ELBSecurityPolicy-TLS13-1-2-2021-06)');
  expect(describeListeners([])).toBe('');
});
