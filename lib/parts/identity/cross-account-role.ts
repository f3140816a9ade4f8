import { Aws, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface CrossAccountRoleProps {
  readonly roleName: string;
  /** Account whose principals may assume the role; undefined = this account (switch-role practice in one account). */
  readonly trustedAccountId?: string;
}

/**
 * The workshop's cross-account role (part 1, "Switch role"): read-only, assumable by principals
 * of the trusted account that are allowed sts:AssumeRole there.
 */
export class CrossAccountRole extends Construct {
  public readonly role: iam.Role;
  /** Console link that opens "Switch Role" with this role filled in. */
  public readonly switchRoleUrl: string;

  constructor(scope: Construct, id: string, props: CrossAccountRoleProps) {
    super(scope, id);
    const trusted = props.trustedAccountId ?? Aws.ACCOUNT_ID;
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      description: 'Workshop cross-account role: read-only access for the trusted account',
      assumedBy: new iam.AccountPrincipal(trusted),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/ReadOnlyAccess]',
      reason: 'The workshop role is read-only by the AWS managed ReadOnlyAccess policy, which AWS keeps current with new services.',
    });
    this.switchRoleUrl = `https://signin.aws.amazon.com/switchrole?roleName=${props.roleName}&account=${Aws.ACCOUNT_ID}&displayName=${props.roleName}`;
  }
}
