import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { landingPageCommands } from '../../constructs/landing-page';
import { WorkshopInstance } from './workshop-instance';

export interface WebserverProps {
  /** webserver-001-default-vpc */
  readonly name: string;
  /** http-world */
  readonly securityGroupName: string;
  readonly instanceType: string;
  /** The default VPC and its default subnet (found at deploy time). */
  readonly vpcId: string;
  readonly subnetId: string;
  readonly instanceProfileName: string;
  /** Amazon Linux 2023, from the pinned image set. */
  readonly machineImage: ec2.IMachineImage;
}

/**
 * The workshop's web server in the default VPC (part 1, "Launch an instance"): Amazon Linux 2023
 * with httpd and a landing page, a public IP, and security group http-world open to the world on
 * TCP 80 only. Its traffic is what participants later look for in GuardDuty and flow logs.
 */
export class Webserver extends Construct {
  public readonly securityGroup: ec2.CfnSecurityGroup;
  public readonly server: WorkshopInstance;
  public readonly url: string;

  constructor(scope: Construct, id: string, props: WebserverProps) {
    super(scope, id);
    this.securityGroup = new ec2.CfnSecurityGroup(this, 'HttpWorld', {
      groupName: props.securityGroupName,
      groupDescription: 'Workshop web server: HTTP from anywhere',
      vpcId: props.vpcId,
      securityGroupIngress: [
        { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIp: '0.0.0.0/0', description: 'HTTP from anywhere (the workshop opens it on purpose)' },
      ],
      // Out: only what httpd's install (dnf over HTTPS/HTTP) and Session Manager (HTTPS) need.
      securityGroupEgress: [
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0', description: 'HTTPS: Session Manager, package repositories' },
        { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIp: '0.0.0.0/0', description: 'HTTP: package repositories' },
      ],
      tags: [{ key: 'Name', value: props.securityGroupName }],
    });
    Validations.of(this.securityGroup).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: 'The workshop opens TCP 80 to 0.0.0.0/0 on purpose: a public web server whose traffic participants then investigate. No other port is open.',
    });

    const userData = ec2.UserData.forLinux();
    userData.addCommands(...landingPageCommands(props.name));
    this.server = new WorkshopInstance(this, 'Server', {
      name: props.name,
      instanceType: props.instanceType,
      machineImage: props.machineImage,
      rootDeviceName: '/dev/xvda',
      rootVolumeGiB: 8,
      subnetId: props.subnetId,
      securityGroupIds: [this.securityGroup.attrGroupId],
      instanceProfileName: props.instanceProfileName,
      associatePublicIp: true,
      userData,
    });
    this.url = `http://${this.server.instance.attrPublicDnsName}`;
  }
}
