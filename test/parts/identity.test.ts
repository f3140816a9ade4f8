import { Match } from 'aws-cdk-lib/assertions';
import { idOf, templateOf } from '../support/synthesized';
import { OPTIONAL_SETTINGS } from '../support/configurations';
import { atDefaults } from './at-defaults';

const nameOf = (suffix: string) => ({ 'Fn::Join': ['', [{ Ref: 'ParticipantName' }, suffix]] });

describe('identity part', () => {
  const t = templateOf();

  test('parameters: ParticipantName, AlarmEmail, TrustedAccountId, defaulted from the settings and validated like them', () => {
    expect(t.toJSON().Parameters).toMatchObject({
      ParticipantName: { Type: 'String', Default: 'workshop', AllowedPattern: '^[A-Za-z0-9+=,.@_-]{1,32}$', MaxLength: 32 },
      AlarmEmail: { Type: 'String', Default: '', AllowedPattern: '^([^\\s@]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})?$', MaxLength: 254 },
      TrustedAccountId: { Type: 'String', Default: '', AllowedPattern: '^(\\d{12})?$', MaxLength: 12 },
    });
    const other = templateOf(OPTIONAL_SETTINGS);
    expect(other.toJSON().Parameters).toMatchObject({
      ParticipantName: { Default: 'alice' },
      AlarmEmail: { Default: 'alice@example.com' },
      TrustedAccountId: { Default: '111122223333' },
    });
  });

  test('the allowed patterns accept and refuse what the settings do (Java and JavaScript agree on these)', () => {
    const p = t.toJSON().Parameters;
    const ok = (name: string, value: string) => new RegExp(p[name].AllowedPattern).test(value) && value.length <= p[name].MaxLength;
    expect(['workshop', 'alice', 'a.b@c_d-e+f=g,h', 'x'.repeat(32)].filter((v) => ok('ParticipantName', v))).toHaveLength(4);
    expect(['', 'al ice', 'alice/x', 'x'.repeat(33)].filter((v) => ok('ParticipantName', v))).toEqual([]);
    expect(['', 'secops@example.com'].filter((v) => ok('AlarmEmail', v))).toHaveLength(2);
    expect(['secops', 'a b@example.com', 'a@b'].filter((v) => ok('AlarmEmail', v))).toEqual([]);
    expect(['', '111122223333'].filter((v) => ok('TrustedAccountId', v))).toHaveLength(2);
    expect(['1111', '11112222333a', '1111222233334'].filter((v) => ok('TrustedAccountId', v))).toEqual([]);
  });

  test('group workshop-RO-GROUP with ReadOnlyAccess (and the right to change its own password)', () => {
    const [group] = Object.values(t.findResources('AWS::IAM::Group'));
    expect(atDefaults(t, group.Properties.GroupName)).toBe('workshop-RO-GROUP');
    t.hasResourceProperties('AWS::IAM::Group', {
      GroupName: nameOf('-RO-GROUP'),
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/IAMUserChangePassword']] },
      ],
    });
  });

  test('user workshop-RO in the group, console password from Secrets Manager, reset at first sign-in', () => {
    const [groupId] = Object.keys(t.findResources('AWS::IAM::Group'));
    const [secretId] = Object.keys(t.findResources('AWS::SecretsManager::Secret'));
    const [user] = Object.values(t.findResources('AWS::IAM::User'));
    expect(atDefaults(t, user.Properties.UserName)).toBe('workshop-RO');
    t.hasResourceProperties('AWS::IAM::User', {
      UserName: nameOf('-RO'),
      Groups: [{ Ref: groupId }],
      LoginProfile: {
        Password: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] },
        PasswordResetRequired: true,
      },
    });
    t.hasResource('AWS::SecretsManager::Secret', {
      Properties: { Name: nameOf('-RO-console-password'), GenerateSecretString: Match.objectLike({ PasswordLength: 20 }) },
      DeletionPolicy: 'Delete',
    });
    expect(atDefaults(t, t.findResources('AWS::SecretsManager::Secret')[secretId].Properties.Name)).toBe('workshop-RO-console-password');
  });

  test('participant name is a setting: the default of ParticipantName', () => {
    const other = templateOf(OPTIONAL_SETTINGS);
    const names = (type: string, property: string) => Object.values(other.findResources(type)).map((r) => atDefaults(other, r.Properties[property])).sort();
    expect(names('AWS::IAM::Group', 'GroupName')).toEqual(['alice-RO-GROUP']);
    expect(names('AWS::IAM::User', 'UserName')).toEqual(['alice-RO']);
    expect(names('AWS::IAM::Role', 'RoleName')).toContain('alice-CROSS-ACCOUNT-ROLE');
    expect(names('AWS::SecretsManager::Secret', 'Name')).toEqual(['alice-RO-console-password']);
  });

  test('no name derived from the participant is literal in the template: all come from ParticipantName', () => {
    const json = JSON.stringify(templateOf(OPTIONAL_SETTINGS).toJSON().Resources);
    expect(json).not.toContain('alice');
  });

  test('cross-account role: read-only, trusted = the deploying account by default', () => {
    const trusted = { 'Fn::If': ['TrustsAnotherAccount', { Ref: 'TrustedAccountId' }, { Ref: 'AWS::AccountId' }] };
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: nameOf('-CROSS-ACCOUNT-ROLE'),
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', trusted, ':root']] } },
          },
        ],
      },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
    });
    expect(t.toJSON().Conditions.TrustsAnotherAccount).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'TrustedAccountId' }, ''] }] });
    const role = idOf(t, 'AWS::IAM::Role', { RoleName: nameOf('-CROSS-ACCOUNT-ROLE') });
    const doc = t.findResources('AWS::IAM::Role')[role].Properties.AssumeRolePolicyDocument;
    expect(atDefaults(t, doc.Statement[0].Principal.AWS)).toBe('arn:${AWS::Partition}:iam::${AWS::AccountId}:root');
  });

  test('cross-account role: trusted account from the setting, as the default of TrustedAccountId', () => {
    const other = templateOf(OPTIONAL_SETTINGS);
    const role = idOf(other, 'AWS::IAM::Role', { RoleName: nameOf('-CROSS-ACCOUNT-ROLE') });
    const doc = other.findResources('AWS::IAM::Role')[role].Properties.AssumeRolePolicyDocument;
    expect(atDefaults(other, doc.Statement[0].Principal.AWS)).toBe('arn:${AWS::Partition}:iam::111122223333:root');
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
    expect(atDefaults(t, outputs.ReadOnlyUserPassword.Value)).toBe(
      'aws secretsmanager get-secret-value --secret-id workshop-RO-console-password --query SecretString --output text',
    );
    expect(atDefaults(t, outputs.SwitchRoleUrl.Value)).toBe(
      'https://signin.aws.amazon.com/switchrole?roleName=workshop-CROSS-ACCOUNT-ROLE&account=${AWS::AccountId}&displayName=workshop-CROSS-ACCOUNT-ROLE',
    );
  });
});
