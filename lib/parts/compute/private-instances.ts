import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { NO_UPDATES_CLOUD_CONFIG } from './no-updates';
import { WorkshopInstance } from './workshop-instance';

export interface PrivateInstancesProps {
  readonly ubuntuName: string;
  readonly windowsName: string;
  readonly ubuntuInstanceType: string;
  readonly windowsInstanceType: string;
  /** Private-Subnet-a: where the workshop launches both. */
  readonly subnetId: string;
  /**
   * The VPC's default security group, as the workshop does. Its default rules (all out, in only
   * from itself) are kept: the SSM agent needs HTTPS out through the NAT gateway.
   */
  readonly defaultSecurityGroupId: string;
  readonly instanceProfileName: string;
  /** Ubuntu LTS and Windows Server, from the pinned image set. */
  readonly ubuntuImage: ec2.IMachineImage;
  readonly windowsImage: ec2.IMachineImage;
}

/**
 * The workshop's instances in the private subnet (part 2, Inspector): an Ubuntu LTS left without
 * updates so that Inspector finds CVEs, and a Windows Server. Reached only with Session Manager.
 */
export class PrivateInstances extends Construct {
  public readonly ubuntu: WorkshopInstance;
  public readonly windows: WorkshopInstance;

  constructor(scope: Construct, id: string, props: PrivateInstancesProps) {
    super(scope, id);
    const common = {
      subnetId: props.subnetId,
      securityGroupIds: [props.defaultSecurityGroupId],
      instanceProfileName: props.instanceProfileName,
      associatePublicIp: false,
    };

    // "no-updates": Ubuntu installs security updates by itself; the workshop wants an instance that
    // Inspector finds vulnerable, so the automatic updates are off from first boot (no-updates.ts).
    const noUpdates = ec2.UserData.custom(NO_UPDATES_CLOUD_CONFIG);
    this.ubuntu = new WorkshopInstance(this, 'Ubuntu', {
      ...common,
      name: props.ubuntuName,
      instanceType: props.ubuntuInstanceType,
      machineImage: props.ubuntuImage,
      rootDeviceName: '/dev/sda1',
      rootVolumeGiB: 8,
      userData: noUpdates,
    });

    this.windows = new WorkshopInstance(this, 'Windows', {
      ...common,
      name: props.windowsName,
      instanceType: props.windowsInstanceType,
      machineImage: props.windowsImage,
      rootDeviceName: '/dev/sda1',
      rootVolumeGiB: 30,
    });
  }
}
