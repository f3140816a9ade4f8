import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface SsmInstanceRoleProps {
  /** ROLE-AmazonEC2RoleforSSM: the name the workshop gives it. */
  readonly roleName: string;
}

/**
 * The EC2 role and instance profile that make the instances reachable with Session Manager.
 *
 * The workshop attaches AmazonEC2RoleforSSM, which AWS has deprecated (it grants broad S3 and SSM
 * rights); AmazonSSMManagedInstanceCore is its documented replacement, so the role keeps the
 * workshop's name but carries the current policy.
 */
export class SsmInstanceRole extends Construct {
  public readonly role: iam.Role;
  public readonly instanceProfile: iam.CfnInstanceProfile;

  constructor(scope: Construct, id: string, props: SsmInstanceRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      description: 'Workshop instances: Session Manager (AmazonSSMManagedInstanceCore replaces the deprecated AmazonEC2RoleforSSM)',
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
      reason: 'AWS managed policy documented as the minimum for Session Manager; AWS updates it with the agent.',
    });
    this.instanceProfile = new iam.CfnInstanceProfile(this, 'InstanceProfile', {
      instanceProfileName: props.roleName,
      roles: [this.role.roleName],
    });
  }
}
