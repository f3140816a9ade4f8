import { ISOLATION_SETTINGS } from '../support/isolation-settings';
import { DAY2 } from '../support/configurations';
import { templateOf } from '../support/synthesized';

const t = templateOf(DAY2);
const resources = t.toJSON().Resources as Record<string, any>;
const idOf = (type: string, where: (r: any) => boolean = () => true) => Object.keys(resources).filter((k) => resources[k].Type === type && where(resources[k]));
const [functionId] = idOf('AWS::Lambda::Function', (r) => r.Properties.Description?.includes('lib/handlers/isolate-instance.ts'));
const [cleanupId] = idOf('Custom::IsolationCleanup');
const [ruleId] = idOf('AWS::Events::Rule', (r) => r.Properties.EventPattern?.['detail-type']?.[0] === 'Security Hub Findings - Custom Action');

/** The actions the role allows, apart from writing its own logs. */
function actionsOfRole(roleId: string): string[] {
  const policies = Object.values(resources).filter((p) => p.Type === 'AWS::IAM::Policy' && p.Properties.Roles.some((r: any) => r.Ref === roleId));
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()).filter((a: string) => !a.startsWith('logs:')).sort();
}
const roleOf = (fnId: string) => resources[fnId].Properties.Role['Fn::GetAtt'][0];

const SETTINGS = ISOLATION_SETTINGS;

describe('isolation part (day 2)', () => {
  test('only on day 2', () => {
    const day1 = templateOf();
    day1.resourceCountIs('Custom::IsolationCleanup', 0);
    day1.resourceCountIs('AWS::Events::Rule', 0);
    expect(day1.findOutputs('IsolateFunctionName')).toEqual({});
  });

  test('the rule: enabled, the custom action "Isolate instance" pattern, target the isolate function (invoke permission for this rule only)', () => {
    const [actionId] = idOf('Custom::SecurityHubActionTarget');
    expect(resources[ruleId].Properties).toMatchObject({
      State: 'ENABLED',
      EventPattern: {
        source: ['aws.securityhub'],
        'detail-type': ['Security Hub Findings - Custom Action'],
        resources: [{ 'Fn::GetAtt': [actionId, 'ActionTargetArn'] }],
      },
      Targets: [{ Arn: { 'Fn::GetAtt': [functionId, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } }],
    });
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
  });

  test('the isolate function: inline code, its settings, its own log group, a role with exactly its calls', () => {
    const fn = resources[functionId].Properties;
    expect(fn.Code.ZipFile).toContain('BatchUpdateFindings');
    expect(JSON.parse(fn.Environment.Variables.ISOLATION_SETTINGS)).toEqual(SETTINGS);
    expect(resources[fn.LoggingConfig.LogGroup.Ref].Type).toBe('AWS::Logs::LogGroup');
    expect(actionsOfRole(roleOf(functionId))).toEqual([
      'autoscaling:DescribeAutoScalingInstances',
      'autoscaling:DetachInstances',
      'ec2:CreateSecurityGroup',
      'ec2:CreateSnapshot',
      'ec2:CreateTags',
      'ec2:DeleteTags',
      'ec2:DescribeInstances',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeSnapshots',
      'ec2:ModifyNetworkInterfaceAttribute',
      'ec2:RevokeSecurityGroupEgress',
      'securityhub:BatchUpdateFindings',
    ]);
  });

  test('the cleanup: exactly its calls, deletes only what the app tagged, runs before the VPCs and instances go and after the rule', () => {
    expect(resources[cleanupId].Properties.Settings).toEqual(SETTINGS);
    const fnId = resources[cleanupId].Properties.ServiceToken['Fn::GetAtt'][0];
    expect(actionsOfRole(roleOf(fnId))).toEqual([
      'ec2:DeleteSecurityGroup',
      'ec2:DeleteSnapshot',
      'ec2:DeleteTags',
      'ec2:DescribeInstances',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeSnapshots',
      'ec2:ModifyNetworkInterfaceAttribute',
      'ec2:TerminateInstances',
    ]);
    const policy = Object.values(resources).find((p) => p.Type === 'AWS::IAM::Policy' && p.Properties.Roles.some((r: any) => r.Ref === roleOf(fnId)));
    for (const action of ['ec2:DeleteSecurityGroup', 'ec2:DeleteSnapshot', 'ec2:TerminateInstances']) {
      const s = policy.Properties.PolicyDocument.Statement.find((x: any) => x.Action === action);
      expect(s.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/isolation-created-by': 'SecurityWorkshop' } });
    }
    const dependsOn: string[] = resources[cleanupId].DependsOn;
    for (const type of ['AWS::EC2::VPC', 'AWS::EC2::Instance', 'AWS::EC2::Subnet']) {
      expect(idOf(type).filter((id) => dependsOn.includes(id))).toEqual(idOf(type));
    }
    expect(resources[ruleId].DependsOn).toContain(cleanupId);
  });

  test('output IsolateFunctionName', () => {
    t.hasOutput('IsolateFunctionName', { Value: { Ref: functionId } });
  });
});
