import { templateOf } from '../support/synthesized';
import { OPTIONAL_SETTINGS } from '../support/configurations';

describe('detection part', () => {
  const t = templateOf();

  test('GuardDuty: adopt-or-create custom resource, no plain AWS::GuardDuty::Detector', () => {
    t.resourceCountIs('AWS::GuardDuty::Detector', 0);
    t.hasResourceProperties('Custom::GuarddutyDetector', { FindingPublishingFrequency: 'FIFTEEN_MINUTES' });
  });

  test('sample findings once the detector exists (default on)', () => {
    const [detectorId] = Object.keys(t.findResources('Custom::GuarddutyDetector'));
    t.hasResourceProperties('Custom::GuarddutySampleFindings', { DetectorId: { 'Fn::GetAtt': [detectorId, 'DetectorId'] } });
  });

  test('sample findings off', () => {
    templateOf(OPTIONAL_SETTINGS).resourceCountIs('Custom::GuarddutySampleFindings', 0);
  });

  test('Inspector (v2) EC2 scanning custom resource, with no properties (its handler reads none)', () => {
    const resources = Object.values(t.findResources('Custom::InspectorEc2Scanning'));
    expect(resources).toHaveLength(1);
    expect(Object.keys(resources[0].Properties)).toEqual(['ServiceToken', 'ServiceTimeout']);
  });

  test('each handler has its own role, limited to its own API calls', () => {
    const policies = Object.values(t.findResources('AWS::IAM::Policy')).map((p) => JSON.stringify(p.Properties.PolicyDocument));
    const gd = policies.find((p) => p.includes('guardduty:CreateDetector'))!;
    expect(gd).not.toContain('inspector2');
    const insp = policies.find((p) => p.includes('inspector2:Enable'))!;
    expect(insp).not.toContain('guardduty');
    expect(insp).toContain('"iam:AWSServiceName":"inspector2.amazonaws.com"');
  });

  const statementsOf = (action: string) => {
    const policies = Object.values(t.findResources('AWS::IAM::Policy')).map((p) => p.Properties.PolicyDocument.Statement as any[]);
    return policies.find((statements) => JSON.stringify(statements).includes(action))!;
  };

  test('the Inspector role may create exactly the two roles activation creates: AWSServiceRoleForAmazonInspector2 and the agentless one', () => {
    const slrs = statementsOf('inspector2:Enable').filter((s) => s.Action === 'iam:CreateServiceLinkedRole');
    const role = (service: string, name: string) => ({
      Condition: { StringEquals: { 'iam:AWSServiceName': service } },
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, `:role/aws-service-role/${service}/${name}`]] },
    });
    expect(slrs.map((s) => ({ Condition: s.Condition, Resource: s.Resource }))).toEqual([
      role('inspector2.amazonaws.com', 'AWSServiceRoleForAmazonInspector2'),
      role('agentless.inspector2.amazonaws.com', 'AWSServiceRoleForAmazonInspector2Agentless'),
    ]);
  });

  test('the Inspector handler has 5 minutes: it waits up to 4 for Enable/Disable to settle', () => {
    const [fn] = Object.values(t.findResources('AWS::Lambda::Function')).filter((f) => JSON.stringify(f.Properties.Code).includes('inspector2'));
    expect(fn.Properties.Timeout).toBe(300);
  });
});

