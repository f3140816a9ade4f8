import { Aws, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface ReadOnlyUserProps {
  /** <name>-RO-GROUP */
  readonly groupName: string;
  /** <name>-RO */
  readonly userName: string;
  /** Secrets Manager name of the generated console password. */
  readonly passwordSecretName: string;
}

/**
 * The workshop's read-only group and user (part 1, "IAM: create a group and a user"): the group
 * has ReadOnlyAccess; the user signs in to the console with a generated password that it must
 * change at first sign-in.
 */
export class ReadOnlyUser extends Construct {
  public readonly group: iam.Group;
  public readonly user: iam.User;
  public readonly passwordSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: ReadOnlyUserProps) {
    super(scope, id);
    this.group = new iam.Group(this, 'Group', {
      groupName: props.groupName,
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'),
        // Without it a user with a reset-required password cannot set a new one (IAM user guide,
        // "Permitting IAM users to change their own passwords").
        iam.ManagedPolicy.fromAwsManagedPolicyName('IAMUserChangePassword'),
      ],
    });
    Validations.of(this.group).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/ReadOnlyAccess]',
        reason: 'The workshop attaches the AWS managed ReadOnlyAccess policy to this group; participants look for it by name.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/IAMUserChangePassword]',
        reason: 'AWS managed policy that lets the user change only its own password, needed for the reset at first sign-in.',
      },
    );

    this.passwordSecret = new secretsmanager.Secret(this, 'Password', {
      secretName: props.passwordSecretName,
      description: `Console password of ${props.userName}; the user must change it at first sign-in`,
      generateSecretString: {
        passwordLength: 20,
        // Characters that are awkward to type in the console sign-in form are left out.
        excludeCharacters: '"\'`\\/@ ',
        requireEachIncludedType: true,
      },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.passwordSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'A one-time initial console password: IAM forces the user to replace it at first sign-in, and the secret is deleted with the workshop.',
    });

    this.user = new iam.User(this, 'User', {
      userName: props.userName,
      groups: [this.group],
      password: this.passwordSecret.secretValue,
      passwordResetRequired: true,
    });
  }

  /** The account's console sign-in page. */
  public get signInUrl(): string {
    return `https://${Aws.ACCOUNT_ID}.signin.aws.amazon.com/console`;
  }
}
