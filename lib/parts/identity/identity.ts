import { Construct } from 'constructs';
import { participantNames, WorkshopConfig, workshopNames } from '../../config/workshop-config';
import { CrossAccountRole } from './cross-account-role';
import { ReadOnlyUser } from './read-only-user';
import { SsmInstanceRole } from './ssm-instance-role';

export interface IdentityProps {
  readonly config: WorkshopConfig;
  /**
   * The participant's name: in the template the ParticipantName parameter (a token), so that one
   * template serves every participant. Default: the participantName setting.
   */
  readonly participantName?: string;
  /**
   * Account whose root may assume the cross-account role: in the template an Fn::If on the
   * TrustedAccountId parameter. Default: the trustedAccountId setting, else this account.
   */
  readonly trustedAccountId?: string;
}

/** Workshop part 1, IAM: the read-only group and user, the cross-account role, the SSM instance role. */
export class Identity extends Construct {
  public readonly readOnly: ReadOnlyUser;
  public readonly crossAccount: CrossAccountRole;
  public readonly ssmInstanceRole: SsmInstanceRole;
  /** ROLE-AmazonEC2RoleforSSM, for the instances of the compute part. */
  public readonly instanceProfileName: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const names = { ...workshopNames(props.config), ...participantNames(props.participantName ?? props.config.participantName) };
    this.readOnly = new ReadOnlyUser(this, 'ReadOnly', {
      groupName: names.readOnlyGroup,
      userName: names.readOnlyUser,
      passwordSecretName: names.readOnlyPasswordSecret,
    });
    this.crossAccount = new CrossAccountRole(this, 'CrossAccount', {
      roleName: names.crossAccountRole,
      trustedAccountId: props.trustedAccountId ?? props.config.trustedAccountId,
    });
    this.ssmInstanceRole = new SsmInstanceRole(this, 'SsmInstanceRole', { roleName: names.ssmInstanceRole });
    this.instanceProfileName = this.ssmInstanceRole.instanceProfile.ref;
  }
}
