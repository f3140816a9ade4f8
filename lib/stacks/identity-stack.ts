import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WorkshopConfig, workshopNames } from '../config/workshop-config';
import { CrossAccountRole } from '../constructs/cross-account-role';
import { ReadOnlyUser } from '../constructs/read-only-user';
import { SsmInstanceRole } from '../constructs/ssm-instance-role';

export interface IdentityStackProps extends StackProps {
  readonly config: WorkshopConfig;
}

/** Workshop part 1, IAM: the read-only group and user, the cross-account role, the SSM instance role. */
export class IdentityStack extends Stack {
  public readonly ssmInstanceRole: SsmInstanceRole;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const names = workshopNames(props.config);

    const ro = new ReadOnlyUser(this, 'ReadOnly', {
      groupName: names.readOnlyGroup,
      userName: names.readOnlyUser,
      passwordSecretName: names.readOnlyPasswordSecret,
    });
    const crossAccount = new CrossAccountRole(this, 'CrossAccount', {
      roleName: names.crossAccountRole,
      trustedAccountId: props.config.trustedAccountId,
    });
    this.ssmInstanceRole = new SsmInstanceRole(this, 'SsmInstanceRole', { roleName: names.ssmInstanceRole });

    new CfnOutput(this, 'ReadOnlyUserName', { value: ro.user.userName });
    new CfnOutput(this, 'ReadOnlyUserSignInUrl', { value: ro.signInUrl, description: 'Console sign-in page of the account' });
    new CfnOutput(this, 'ReadOnlyUserPassword', {
      value: `aws secretsmanager get-secret-value --secret-id ${names.readOnlyPasswordSecret} --query SecretString --output text`,
      description: `Where the initial console password of ${names.readOnlyUser} is (Secrets Manager); it must be changed at first sign-in`,
    });
    new CfnOutput(this, 'CrossAccountRoleArn', { value: crossAccount.role.roleArn });
    new CfnOutput(this, 'SwitchRoleUrl', { value: crossAccount.switchRoleUrl, description: 'Console link to switch to the cross-account role' });
    new CfnOutput(this, 'SsmInstanceProfileName', { value: this.ssmInstanceRole.instanceProfile.ref });
  }
}
