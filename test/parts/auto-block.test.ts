import { Match } from 'aws-cdk-lib/assertions';
import { DAY2 } from '../support/configurations';
import { templateOf } from '../support/synthesized';

/** The auto-block function's role policy. */
function policy(t: ReturnType<typeof templateOf>): any {
  const [fnId] = Object.keys(t.findResources('AWS::Lambda::Function', { Properties: { Description: 'GuardDuty auto-block: lib/handlers/auto-block.ts' } }));
  const role = t.findResources('AWS::Lambda::Function')[fnId].Properties.Role['Fn::GetAtt'][0];
  const policies = Object.values(t.findResources('AWS::IAM::Policy')).filter((p) => p.Properties.Roles.some((r: any) => r.Ref === role));
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument;
}

const ACL_ARN = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':network-acl/', { Ref: expect.stringMatching(/^AutoBlockAcl/) }]],
};

describe('auto-block part (day 2)', () => {
  const t = templateOf(DAY2);
  const fnId = () => Object.keys(t.findResources('AWS::Lambda::Function', { Properties: { Description: 'GuardDuty auto-block: lib/handlers/auto-block.ts' } }))[0];

  test('only on day 2', () => {
    const day1 = templateOf();
    day1.resourceCountIs('AWS::EC2::NetworkAcl', 0);
    day1.resourceCountIs('AWS::Events::Rule', 0);
  });

  test('GuardDuty findings of severity 4 or more (numeric filter) invoke the function, retried twice within an hour', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], detail: { severity: [{ numeric: ['>=', 4] }] } },
      State: 'ENABLED',
      Targets: [{ Arn: { 'Fn::GetAtt': [fnId(), 'Arn'] }, Id: 'Target0', RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 2 } }],
    });
  });

  test('every 15 minutes the scheduled rule invokes it to lift expired blocks; both rules may invoke it', () => {
    t.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(15 minutes)', Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId(), 'Arn'] } })] });
    const permissions = Object.values(t.findResources('AWS::Lambda::Permission')).filter((p) => p.Properties.FunctionName['Fn::GetAtt']?.[0] === fnId());
    expect(permissions.map((p) => [p.Properties.Principal, p.Properties.Action])).toEqual([
      ['events.amazonaws.com', 'lambda:InvokeFunction'],
      ['events.amazonaws.com', 'lambda:InvokeFunction'],
    ]);
  });

  test('the function: inline code, its settings in the environment (IP set, ACL, alarm topic, 12 hours, no samples, the VPC and the NAT gateways\' addresses exempt, rules 100-109)', () => {
    const fn = t.findResources('AWS::Lambda::Function')[fnId()];
    expect(typeof fn.Properties.Code.ZipFile).toBe('string');
    expect(fn.Properties.Runtime).toBe('nodejs24.x');
    expect(fn.Properties.Environment.Variables).toEqual({
      IP_SET_NAME: 'SecurityWorkshop-blocked-hosts',
      IP_SET_ID: { 'Fn::GetAtt': [expect.stringMatching(/^BlockedHostsIpSet/), 'Id'] },
      NETWORK_ACL_ID: { Ref: expect.stringMatching(/^AutoBlockAcl/) },
      TOPIC_ARN: { Ref: expect.stringMatching(/^InvestigationFlowLogInsightsTopic/) },
      BLOCK_HOURS: '12',
      BLOCK_SAMPLE_FINDINGS: 'false',
      // The VPC, and the NAT gateways' three Elastic IPs as /32s.
      EXEMPT_CIDRS: {
        'Fn::Join': [
          '',
          [
            '10.0.0.0/16,',
            { Ref: expect.stringMatching(/^NetworkVpcNatEipA/) },
            '/32,',
            { Ref: expect.stringMatching(/^NetworkVpcNatEipB/) },
            '/32,',
            { Ref: expect.stringMatching(/^NetworkVpcNatEipC/) },
            '/32',
          ],
        ],
      },
      FIRST_BLOCK_RULE: '100',
      LAST_BLOCK_RULE: '109',
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': ['Key9BCD29C7', 'Arn'] } });
    expect(fn.Properties.LoggingConfig.LogGroup.Ref).toMatch(/^AutoBlockLogs/);
  });

  test('the role allows exactly the calls the handler makes, scoped to the IP set, the ACL, the block tags and the topic', () => {
    const doc = policy(t);
    const actions = doc.Statement.flatMap((s: any) => [s.Action].flat()).sort();
    expect(actions).toEqual([
      'ec2:CreateNetworkAclEntry',
      'ec2:CreateTags',
      'ec2:DeleteNetworkAclEntry',
      'ec2:DeleteTags',
      'ec2:DescribeNetworkAcls',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'sns:Publish',
      'wafv2:GetIPSet',
      'wafv2:UpdateIPSet',
    ]);
    expect(doc.Statement).toContainEqual(expect.objectContaining({ Action: ['wafv2:GetIPSet', 'wafv2:UpdateIPSet'], Resource: { 'Fn::GetAtt': [expect.stringMatching(/^BlockedHostsIpSet/), 'Arn'] } }));
    expect(doc.Statement).toContainEqual(expect.objectContaining({ Action: 'ec2:DescribeNetworkAcls', Resource: '*' }));
    expect(doc.Statement).toContainEqual(expect.objectContaining({ Action: ['ec2:CreateNetworkAclEntry', 'ec2:DeleteNetworkAclEntry'], Resource: ACL_ARN }));
    expect(doc.Statement).toContainEqual(
      expect.objectContaining({ Action: ['ec2:CreateTags', 'ec2:DeleteTags'], Resource: ACL_ARN, Condition: { 'ForAllValues:StringLike': { 'aws:TagKeys': ['blocked:*'] } } }),
    );
    expect(doc.Statement).toContainEqual(expect.objectContaining({ Action: 'sns:Publish', Resource: { Ref: expect.stringMatching(/^InvestigationFlowLogInsightsTopic/) } }));
  });

  test('a dedicated network ACL: allow-all baseline at rule 32000 both ways, associated with the three public subnets', () => {
    t.resourceCountIs('AWS::EC2::NetworkAcl', 1);
    t.hasResourceProperties('AWS::EC2::NetworkAcl', { VpcId: { Ref: Match.stringLikeRegexp('^NetworkVpc') } });
    const entries = Object.values(t.findResources('AWS::EC2::NetworkAclEntry')).map((e) => {
      const { NetworkAclId, ...rest } = e.Properties;
      return rest;
    });
    expect(entries).toEqual([
      { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: -1, RuleAction: 'allow', RuleNumber: 32000 },
      { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: -1, RuleAction: 'allow', RuleNumber: 32000 },
    ]);
    const subnets = Object.values(t.findResources('AWS::EC2::SubnetNetworkAclAssociation')).map((a) => a.Properties.SubnetId.Ref);
    const publicSubnets = Object.entries(t.findResources('AWS::EC2::Subnet'))
      .filter(([, s]) => s.Properties.Tags.some((tag: any) => tag.Key === 'Name' && String(tag.Value).startsWith('Public-Subnet-')))
      .map(([id]) => id);
    expect(publicSubnets).toHaveLength(3);
    expect(subnets.sort()).toEqual(publicSubnets.sort());
  });

  test('outputs: the function name and the ACL id', () => {
    t.hasOutput('AutoBlockFunctionName', { Value: { Ref: fnId() } });
    t.hasOutput('AutoBlockNetworkAclId', { Value: { Ref: Match.stringLikeRegexp('^AutoBlockAcl') } });
  });
});
