import { App, Duration, Stack } from 'aws-cdk-lib';
import { DAY2 } from '../support/configurations';
import { templateOf } from '../support/synthesized';
import { WorkshopKey } from '../../lib/constructs/workshop-key';
import { InlineCustomResource, SERVICE_TIMEOUT } from '../../lib/constructs/inline-custom-resource';

describe('inline custom resources answer CloudFormation in minutes, not its default hour', () => {
  const t = templateOf(DAY2);
  const functions = t.findResources('AWS::Lambda::Function');
  const custom = Object.entries(t.toJSON().Resources as Record<string, any>).filter(([, r]) => r.Type.startsWith('Custom::'));

  test('ServiceTimeout is 10 minutes', () => {
    expect(SERVICE_TIMEOUT.toSeconds()).toBe(600);
  });

  test('every custom resource sets ServiceTimeout 600 (CDK writes it as a string), longer than its function timeout', () => {
    expect(custom.length).toBeGreaterThanOrEqual(5);
    for (const [id, r] of custom) {
      const fn = functions[r.Properties.ServiceToken['Fn::GetAtt'][0]];
      expect({ id, serviceTimeout: r.Properties.ServiceTimeout }).toEqual({ id, serviceTimeout: '600' });
      expect({ id, longer: fn.Properties.Timeout < 600 }).toEqual({ id, longer: true });
    }
  });

  test('a function timeout that reaches the ServiceTimeout is refused at synth', () => {
    const stack = new Stack(new App(), 'S');
    expect(
      () =>
        new InlineCustomResource(stack, 'R', {
          handler: 'inspector-ec2-scanning',
          statements: [],
          properties: {},
          logs: { retentionDays: 365, key: new WorkshopKey(stack, 'Key', { pendingWindowDays: 7 }) },
          timeout: Duration.minutes(10),
        }),
    ).toThrow("inspector-ec2-scanning: the function's timeout (600 s) must be shorter than the custom resource's ServiceTimeout (600 s)");
  });
});
