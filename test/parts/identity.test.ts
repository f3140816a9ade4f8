import { Match } from 'aws-cdk-lib/assertions';
import { templateOf } from '../support/synthesized';

describe('identity part', () => {
  const t = templateOf();

  test('group workshop-RO-GROUP with ReadOnlyAccess (and the right to change its own password)', () => {
    t.hasResourceProperties('AWS::IAM::Group', {
      GroupName: 'workshop-RO-GROUP',
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/IAMUserChangePassword']] },
      ],
    });
  });

  test('user workshop-RO in the group, console password from Secrets Manager, reset at first sign-in', () => {
    const [groupId] = Object.keys(t.findResources('AWS::IAM::Group'));
    const [secretId] = Object.keys(t.findResources('AWS::SecretsManager::Secret'));
    t.hasResourceProperties('AWS::IAM::User', {
      UserName: 'workshop-RO',
      Groups: [{ Ref: groupId }],
      LoginProfile: {
        Password: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] },
        PasswordResetRequired: true,
      },
    });
    t.hasResource('AWS::SecretsManager::Secret', {
      Properties: { Name: 'workshop-RO-console-password', GenerateSecretString: Match.objectLike({ PasswordLength: 20 }) },
      DeletionPolicy: 'Delete',
    });
  });

  test('participant name is a setting', () => {
    const other = templateOf({ participantName: 'alice' });
    other.hasResourceProperties('AWS::IAM::Group', { GroupName: 'alice-RO-GROUP' });
    other.hasResourceProperties('AWS::IAM::User', { UserName: 'alice-RO' });
    other.hasResourceProperties('AWS::IAM::Role', { RoleName: 'alice-CROSS-ACCOUNT-ROLE' });
  });

  test('cross-account role: read-only, trusted = the deploying account by default', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'workshop-CROSS-ACCOUNT-ROLE',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } },
          },
        ],
      },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
    });
  });

  test('cross-account role: trusted account from the setting', () => {
    const other = templateOf({ trustedAccountId: '111122223333' });
    other.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'workshop-CROSS-ACCOUNT-ROLE',
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111122223333:root']] } },
          }),
        ],
      },
    });
  });

  test('ROLE-AmazonEC2RoleforSSM: EC2, AmazonSSMManagedInstanceCore, and its instance profile', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'ROLE-AmazonEC2RoleforSSM',
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] }],
    });
    t.hasResourceProperties('AWS::IAM::InstanceProfile', { InstanceProfileName: 'ROLE-AmazonEC2RoleforSSM' });
  });

  test('outputs: sign-in URL, where the password is, switch-role link', () => {
    const outputs = t.toJSON().Outputs;
    expect(JSON.stringify(outputs.ReadOnlyUserSignInUrl.Value)).toContain('.signin.aws.amazon.com/console');
    expect(outputs.ReadOnlyUserPassword.Value).toBe(
      'aws secretsmanager get-secret-value --secret-id workshop-RO-console-password --query SecretString --output text',
    );
    expect(JSON.stringify(outputs.SwitchRoleUrl.Value)).toContain('https://signin.aws.amazon.com/switchrole?roleName=workshop-CROSS-ACCOUNT-ROLE&account=');
  });
});
