import { Match } from 'aws-cdk-lib/assertions';
import { DAY2, DAY2_OPTIONS } from '../support/configurations';
import { normaliseTemplate, Part, resourcesOfPart, synthesized, templateOf } from '../support/synthesized';

/** The policy document of the role of the custom resource of this type. */
function policyOf(t: ReturnType<typeof templateOf>, customType: string): any {
  const [resource] = Object.values(t.findResources(customType));
  const fn = resource.Properties.ServiceToken['Fn::GetAtt'][0];
  const role = t.findResources('AWS::Lambda::Function')[fn].Properties.Role['Fn::GetAtt'][0];
  const policies = Object.values(t.findResources('AWS::IAM::Policy')).filter((p) => p.Properties.Roles.some((r: any) => r.Ref === role));
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument;
}

/** The actions a policy allows, apart from writing its own logs. */
const actionsOf = (doc: any): string[] =>
  doc.Statement.flatMap((s: any) => [s.Action].flat()).filter((a: string) => !a.startsWith('logs:')).sort();

const HUB_ARN = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':securityhub:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':hub/default']] };

describe('security hub part (day 2)', () => {
  const t = templateOf(DAY2);

  test('only on day 2', () => {
    const day1 = templateOf();
    for (const type of ['Custom::SecurityHub', 'Custom::SecurityHubActionTarget', 'Custom::ConfigRecorder', 'AWS::SecurityHub::Insight']) day1.resourceCountIs(type, 0);
  });

  test('Security Hub: adopt-or-enable custom resource with FSBP and CIS, no AWS::SecurityHub::Hub or ::Standard', () => {
    t.resourceCountIs('AWS::SecurityHub::Hub', 0);
    t.resourceCountIs('AWS::SecurityHub::Standard', 0);
    t.hasResourceProperties('Custom::SecurityHub', { Standards: ['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark'] });
    const doc = policyOf(t, 'Custom::SecurityHub');
    expect(actionsOf(doc)).toEqual([
      'iam:CreateServiceLinkedRole',
      'securityhub:BatchDisableStandards',
      'securityhub:BatchEnableStandards',
      'securityhub:DescribeHub',
      'securityhub:DescribeStandards',
      'securityhub:DisableSecurityHub',
      'securityhub:EnableSecurityHub',
      'securityhub:GetEnabledStandards',
    ]);
    expect(doc.Statement).toContainEqual(
      expect.objectContaining({ Action: ['securityhub:DescribeHub', 'securityhub:EnableSecurityHub', 'securityhub:DisableSecurityHub'], Resource: HUB_ARN }),
    );
    expect(doc.Statement).toContainEqual(
      expect.objectContaining({
        Action: ['securityhub:DescribeStandards', 'securityhub:GetEnabledStandards', 'securityhub:BatchEnableStandards', 'securityhub:BatchDisableStandards'],
        Resource: '*',
      }),
    );
    expect(JSON.stringify(doc)).toContain('"iam:AWSServiceName":"securityhub.amazonaws.com"');
  });

  test('the insight "workshop findings by resource": the workshop tag, grouped by resource, after the hub', () => {
    const [hubId] = Object.keys(t.findResources('Custom::SecurityHub'));
    t.hasResource('AWS::SecurityHub::Insight', {
      Properties: {
        Name: 'workshop findings by resource',
        GroupByAttribute: 'ResourceId',
        Filters: { ResourceTags: [{ Key: 'workshop', Value: 'aws-security-logging-monitoring-ir', Comparison: 'EQUALS' }] },
      },
      DependsOn: Match.arrayWith([hubId]),
    });
  });

  test('custom action "Isolate instance": its own custom resource, after the hub, its ARN an output', () => {
    const [hubId] = Object.keys(t.findResources('Custom::SecurityHub'));
    t.hasResource('Custom::SecurityHubActionTarget', {
      Properties: Match.objectLike({
        Id: 'IsolateInstance',
        Name: 'Isolate instance',
        Description: 'Isolates the EC2 instances of the selected findings: isolation security group, EBS snapshots, ASG detach',
      }),
      DependsOn: Match.arrayWith([hubId]),
    });
    const doc = policyOf(t, 'Custom::SecurityHubActionTarget');
    expect(actionsOf(doc)).toEqual(['securityhub:CreateActionTarget', 'securityhub:DeleteActionTarget', 'securityhub:DescribeActionTargets']);
    expect(doc.Statement).toContainEqual(
      expect.objectContaining({ Action: ['securityhub:DescribeActionTargets', 'securityhub:CreateActionTarget', 'securityhub:DeleteActionTarget'], Resource: '*' }),
    );
    const [actionId] = Object.keys(t.findResources('Custom::SecurityHubActionTarget'));
    t.hasOutput('SecurityHubCustomActionArn', { Value: { 'Fn::GetAtt': [actionId, 'ActionTargetArn'] } });
  });

  test('AWS Config: recorder of all supported types, continuous by default, Config service-linked role, delivery to an emptied bucket', () => {
    t.resourceCountIs('AWS::Config::ConfigurationRecorder', 0);
    t.resourceCountIs('AWS::Config::DeliveryChannel', 0);
    const [id, recorder] = Object.entries(t.findResources('Custom::ConfigRecorder'))[0];
    expect(recorder.Properties).toMatchObject({
      RecorderName: 'SecurityWorkshop-recorder',
      RecordingFrequency: 'CONTINUOUS',
      RoleArn: {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig']],
      },
    });
    const bucketId = recorder.Properties.BucketName.Ref;
    // The bucket is emptied on destroy, after the recorder is gone; the channel is put after the bucket policy.
    t.hasResourceProperties('Custom::EmptyBucket', { BucketName: { Ref: bucketId } });
    const [emptierId] = Object.keys(t.findResources('Custom::EmptyBucket', { Properties: { BucketName: { Ref: bucketId } } }));
    const [policyId] = Object.keys(t.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: bucketId } } }));
    expect(recorder.DependsOn).toEqual(expect.arrayContaining([emptierId, policyId]));
    expect(id).toBeDefined();

    const doc = policyOf(t, 'Custom::ConfigRecorder');
    expect(actionsOf(doc)).toEqual([
      'config:DeleteConfigurationRecorder',
      'config:DeleteDeliveryChannel',
      'config:DescribeConfigurationRecorders',
      'config:DescribeDeliveryChannels',
      'config:PutConfigurationRecorder',
      'config:PutDeliveryChannel',
      'config:StartConfigurationRecorder',
      'config:StopConfigurationRecorder',
      'iam:CreateServiceLinkedRole',
      'iam:PassRole',
    ]);
    expect(JSON.stringify(doc)).toContain('"iam:AWSServiceName":"config.amazonaws.com"');
    expect(JSON.stringify(doc)).toContain('"iam:PassedToService":"config.amazonaws.com"');
  });

  test('the Config bucket lets config.amazonaws.com of this account check it and deliver to AWSLogs/<account>/Config/', () => {
    const [, recorder] = Object.entries(t.findResources('Custom::ConfigRecorder'))[0];
    const bucketId = recorder.Properties.BucketName.Ref;
    const [policy] = Object.values(t.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: bucketId } } }));
    const statements = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Principal?.Service === 'config.amazonaws.com');
    expect(statements.map((s: any) => [s.Sid, s.Action])).toEqual([
      ['AWSConfigBucketPermissionsCheck', 's3:GetBucketAcl'],
      ['AWSConfigBucketExistenceCheck', 's3:ListBucket'],
      ['AWSConfigBucketDelivery', 's3:PutObject'],
    ]);
    for (const s of statements) expect(s.Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(statements[2].Condition.StringEquals['s3:x-amz-acl']).toBe('bucket-owner-full-control');
    expect(JSON.stringify(statements[2].Resource)).toContain('/AWSLogs/');
    expect(JSON.stringify(statements[2].Resource)).toContain('/Config/*');
  });

  test('no Detective unless asked', () => {
    t.resourceCountIs('Custom::DetectiveGraph', 0);
  });

  test('detective=true: a graph adopted or created; configRecording=daily: DAILY', () => {
    const o = templateOf(DAY2_OPTIONS);
    o.resourceCountIs('AWS::Detective::Graph', 0);
    const resources = Object.values(o.findResources('Custom::DetectiveGraph'));
    expect(resources).toHaveLength(1);
    expect(Object.keys(resources[0].Properties)).toEqual(['ServiceToken', 'ServiceTimeout']);
    const doc = policyOf(o, 'Custom::DetectiveGraph');
    expect(actionsOf(doc)).toEqual(['detective:CreateGraph', 'detective:DeleteGraph', 'detective:ListGraphs']);
    expect(doc.Statement).toContainEqual(
      expect.objectContaining({
        Action: 'detective:DeleteGraph',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':detective:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':graph:*']] },
      }),
    );
    o.hasResourceProperties('Custom::ConfigRecorder', { RecordingFrequency: 'DAILY' });
  });

  test('snapshot of the part', () => {
    expect(normaliseTemplate(resourcesOfPart(synthesized(DAY2), 'SecurityHub' as Part))).toMatchSnapshot();
  });
});

test('cdk-nag: day 2, and day 2 with Detective and daily recording, synthesize with no unacknowledged finding (synth throws on any)', () => {
  expect(() => synthesized(DAY2)).not.toThrow();
  expect(() => synthesized(DAY2_OPTIONS)).not.toThrow();
});
