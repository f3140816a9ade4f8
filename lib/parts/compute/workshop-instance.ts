import { Aws, Fn, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface WorkshopInstanceProps {
  /** The Name tag participants look for in the console. */
  readonly name: string;
  readonly instanceType: string;
  readonly machineImage: ec2.IMachineImage;
  /** Root device of the AMI: /dev/xvda for Amazon Linux, /dev/sda1 for Ubuntu and Windows. */
  readonly rootDeviceName: string;
  /** At least the AMI's snapshot size. */
  readonly rootVolumeGiB: number;
  readonly subnetId: string;
  readonly securityGroupIds: string[];
  readonly instanceProfileName: string;
  readonly associatePublicIp: boolean;
  readonly userData?: ec2.UserData;
}

/**
 * One workshop instance with the settings all of them share: no key pair (Session Manager
 * only), IMDSv2 required, encrypted gp3 root volume, the SSM instance profile.
 */
export class WorkshopInstance extends Construct {
  public readonly instance: ec2.CfnInstance;
  public readonly instanceId: string;
  /** The command that opens a shell on it. */
  public readonly startSessionCommand: string;

  constructor(scope: Construct, id: string, props: WorkshopInstanceProps) {
    super(scope, id);
    const image = props.machineImage.getImage(this);
    const userData = props.userData ?? image.userData;
    this.instance = new ec2.CfnInstance(this, 'Instance', {
      imageId: image.imageId,
      instanceType: props.instanceType,
      iamInstanceProfile: props.instanceProfileName,
      networkInterfaces: [
        {
          deviceIndex: '0',
          subnetId: props.subnetId,
          groupSet: props.securityGroupIds,
          associatePublicIpAddress: props.associatePublicIp,
          deleteOnTermination: true,
        },
      ],
      // Detailed (1-minute) monitoring: AWS Control Tower's CT.EC2.PR.13.
      monitoring: true,
      metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [
        {
          deviceName: props.rootDeviceName,
          ebs: { volumeSize: props.rootVolumeGiB, volumeType: 'gp3', encrypted: true, deleteOnTermination: true },
        },
      ],
      userData: userData ? Fn.base64(userData.render()) : undefined,
      tags: [{ key: 'Name', value: props.name }],
    });
    this.instanceId = this.instance.ref;
    this.startSessionCommand = `aws ssm start-session --target ${this.instanceId} --region ${Aws.REGION}`;

    Validations.of(this.instance).acknowledge(
      {
        id: 'AwsSolutions-EC29',
        reason: 'Termination protection would stop `cdk destroy` from removing the instance after the workshop.',
      },
      {
        // The rule's error, not a finding: on day 2 the stack holds the web tier's launch template.
        id: 'AwsSolutions::AwsSolutions-EC26',
        reason:
          "cdk-nag 3.0.2's EC26 throws for an instance without a launch template once the stack has one (it reads launchTemplate.launchTemplateName of undefined); " +
          'this instance launches without one and its root volume is encrypted gp3 (blockDeviceMappings, test/parts/compute.test.ts).',
      },
    );
  }
}
