import { Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { INLINE_CODE_BUDGET } from '../lib/constructs/inline-custom-resource';
import { buildWorkshop, synthesized } from './support/synth';

const ACK_KEY = Validations.ACKNOWLEDGED_RULES_METADATA_KEY;

describe('cdk-nag AwsSolutions and CloudFormation validation', () => {
  test('the app synthesizes with zero unacknowledged findings (synth throws on any)', () => {
    // The run's shared synthesis of the default configuration: it holds what synth threw, if anything.
    expect(() => synthesized()).not.toThrow();
  });

  test('an unacknowledged finding stops synth (the plugin is active)', () => {
    const { app, stack } = buildWorkshop();
    // A world-open SSH port that the workshop does not open: must be reported.
    new ec2.CfnSecurityGroup(stack.compute!, 'OpenSsh', {
      groupDescription: 'not part of the workshop',
      securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
    });
    expect(() => app.synth()).toThrow(/AwsSolutions-EC23/);
  });

  test('every acknowledgement sits on one resource, with a reason', () => {
    // Acknowledgements are construct metadata, written as the app is built: no synth needed.
    const { app } = buildWorkshop();
    const acks = app.node.findAll().flatMap((c) =>
      c.node.metadata.filter((m) => m.type === ACK_KEY).map((m) => ({ path: c.node.path, data: m.data as Record<string, string> })),
    );
    expect(acks.length).toBeGreaterThan(10);
    for (const ack of acks) {
      // Not on an app or a stack: on a construct inside a stack.
      expect(ack.path.split('/').length).toBeGreaterThan(1);
      const construct = app.node.findAll().find((c) => c.node.path === ack.path)!;
      expect(Stack.isStack(construct)).toBe(false);
      for (const reason of Object.values(ack.data)) expect(reason.length).toBeGreaterThan(40);
    }
  });
});

describe('every template stands alone (StackSets, accounts without CDK bootstrap)', () => {
  const { assembly } = synthesized();

  test.each(assembly.stacks.map((s) => s.stackName))('%s: no assets, no nested stacks, under 1 MB, inline code within our budget', (name) => {
    const stack = assembly.getStackByName(name);
    const json = JSON.stringify(stack.template);
    expect(stack.assets).toEqual([]);
    expect(json).not.toContain('AWS::CloudFormation::Stack"');
    expect(json).not.toMatch(/cdk-hnb659fds-assets/);
    expect(json.length).toBeLessThan(1_000_000);
    for (const r of Object.values(stack.template.Resources as Record<string, any>)) {
      if (r.Type === 'AWS::Lambda::Function') {
        expect(typeof r.Properties.Code.ZipFile).toBe('string');
        expect(r.Properties.Code.ZipFile.length).toBeLessThanOrEqual(INLINE_CODE_BUDGET);
      }
    }
  });

  test('no dependency on the CDK bootstrap: no BootstrapVersion parameter, no rules; no SSM parameters (the AMIs are pinned by a custom resource)', () => {
    const template = assembly.getStackByName('SecurityWorkshop').template;
    expect(template.Parameters.BootstrapVersion).toBeUndefined();
    expect(template.Rules).toBeUndefined();
    const ssm = Object.values(template.Parameters as Record<string, { Type: string; Default?: string }>).filter((p) => p.Type.startsWith('AWS::SSM::'));
    expect(ssm).toEqual([]);
  });

  test('stack-level tags: the literal workshop tag only (stack tags cannot take a parameter)', () => {
    expect(assembly.getStackByName('SecurityWorkshop').tags).toEqual({ workshop: 'aws-security-logging-monitoring-ir' });
  });

  test('everything the app creates carries the workshop tags', () => {
    for (const s of assembly.stacks) {
      for (const [id, r] of Object.entries(s.template.Resources as Record<string, any>)) {
        if (['AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::Instance', 'AWS::S3::Bucket', 'AWS::EC2::NatGateway', 'AWS::IAM::Role'].includes(r.Type)) {
          expect({ id, tags: r.Properties.Tags }).toEqual({
            id,
            tags: expect.arrayContaining([
              { Key: 'workshop', Value: 'aws-security-logging-monitoring-ir' },
              // From the ParticipantName parameter (default: the participantName setting, 'workshop').
              { Key: 'workshop-participant', Value: { Ref: 'ParticipantName' } },
            ]),
          });
        }
      }
    }
  });
});


describe('each custom resource role may do exactly what its handler calls', () => {
  // Literal, from the handler modules' SDK calls (lib/handlers/*.ts), plus their own log stream.
  const expected: Record<string, string[]> = {
    'Custom::GuarddutyDetector': [
      'guardduty:CreateDetector', 'guardduty:DeleteDetector', 'guardduty:GetAdministratorAccount', 'guardduty:GetDetector',
      'guardduty:ListDetectors', 'guardduty:UpdateDetector', 'iam:CreateServiceLinkedRole',
    ],
    'Custom::GuarddutySampleFindings': ['guardduty:CreateSampleFindings'],
    'Custom::InspectorEc2Scanning': ['iam:CreateServiceLinkedRole', 'inspector2:BatchGetAccountStatus', 'inspector2:Disable', 'inspector2:Enable'],
    'Custom::DefaultVpc': ['ec2:CreateTags', 'ec2:DeleteTags', 'ec2:DescribeSubnets', 'ec2:DescribeTags', 'ec2:DescribeVpcs'],
    'Custom::EmptyBucket': ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetBucketPolicy', 's3:ListBucketVersions', 's3:PutBucketPolicy'],
  };
  const templates = synthesized().assembly.stacks.map((s) => s.template as { Resources: Record<string, any> });

  test.each(Object.keys(expected))('%s', (type) => {
    let checked = 0;
    for (const { Resources } of templates) {
      for (const cr of Object.values(Resources).filter((r) => r.Type === type)) {
        const fn = Resources[cr.Properties.ServiceToken['Fn::GetAtt'][0]];
        const roleId = fn.Properties.Role['Fn::GetAtt'][0];
        const policy = Object.values(Resources).find((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: any) => x.Ref === roleId));
        const actions = new Set<string>(policy.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()));
        expect([...actions].sort()).toEqual([...expected[type], 'logs:CreateLogStream', 'logs:PutLogEvents'].sort());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
