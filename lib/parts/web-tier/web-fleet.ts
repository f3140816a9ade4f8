import { CfnResource, Fn, Validations } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { CPU_TARGET_PERCENT } from '../../config/web-tier';
import { landingPageCommands } from '../../constructs/landing-page';
import { PinnedImages } from '../../constructs/pinned-images';
import { LogSettings } from '../../constructs/workshop-key';

export interface WebFleetProps {
  readonly launchTemplateName: string;
  readonly autoScalingGroupName: string;
  /** The Name tag of the instances. */
  readonly instanceName: string;
  readonly instanceType: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /** Private-Subnet-a/b/c: the group spreads its instances over their zones. */
  readonly privateSubnetIds: string[];
  /** The zones of the private subnets, in the same order. */
  readonly availabilityZones: readonly string[];
  /** The private default routes (NAT): instances install httpd and reach SSM through them. */
  readonly privateSubnetRoutes: CfnResource[];
  readonly securityGroupId: string;
  readonly instanceProfileName: string;
  readonly targetGroupArn: string;
  /** The imageSet setting: the Amazon Linux image is read once per value and kept (a redeploy changes no launch template). */
  readonly imageSet: string;
  /** The image reader's log group. */
  readonly logs: LogSettings;
}

/**
 * "Auto Scaling": a launch template (Amazon Linux 2023, the SSM instance profile, IMDSv2 required,
 * encrypted gp3, no public IP, httpd with the instance id and zone page) and an Auto Scaling group
 * in the three private subnets behind the target group, replacing instances the load balancer
 * finds unhealthy and tracking average CPU.
 */
export class WebFleet extends Construct {
  public readonly launchTemplate: ec2.CfnLaunchTemplate;
  public readonly group: autoscaling.CfnAutoScalingGroup;
  public readonly scalingPolicy: autoscaling.CfnScalingPolicy;
  public readonly images: PinnedImages;

  constructor(scope: Construct, id: string, props: WebFleetProps) {
    super(scope, id);
    // As the day-1 instances: the image is read once per imageSet and kept, so a redeploy after AWS
    // publishes a newer one does not change the launch template.
    this.images = new PinnedImages(this, 'Images', { imageSet: props.imageSet, logs: props.logs, images: ['amazonLinux2023'] });
    const image = this.images.machineImage('amazonLinux2023', ec2.OperatingSystemType.LINUX).getImage(this);
    const userData = ec2.UserData.forLinux();
    userData.addCommands(...landingPageCommands(props.instanceName));
    const nameTag = [{ key: 'Name', value: props.instanceName }];
    this.launchTemplate = new ec2.CfnLaunchTemplate(this, 'LaunchTemplate', {
      launchTemplateName: props.launchTemplateName,
      launchTemplateData: {
        imageId: image.imageId,
        instanceType: props.instanceType,
        // Detailed (1-minute) monitoring, as the day-1 instances (Control Tower CT.EC2.PR.10).
        monitoring: { enabled: true },
        iamInstanceProfile: { name: props.instanceProfileName },
        metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
        blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8, volumeType: 'gp3', encrypted: true, deleteOnTermination: true } }],
        networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: false, groups: [props.securityGroupId], deleteOnTermination: true }],
        userData: Fn.base64(userData.render()),
        tagSpecifications: [
          { resourceType: 'instance', tags: nameTag },
          { resourceType: 'volume', tags: nameTag },
        ],
      },
    });

    this.group = new autoscaling.CfnAutoScalingGroup(this, 'Group', {
      autoScalingGroupName: props.autoScalingGroupName,
      minSize: String(props.minCapacity),
      maxSize: String(props.maxCapacity),
      vpcZoneIdentifier: props.privateSubnetIds,
      // The zones of those subnets, stated too (Control Tower CT.AUTOSCALING.PR.1 reads them here).
      availabilityZones: [...props.availabilityZones],
      launchTemplate: { launchTemplateId: this.launchTemplate.ref, version: this.launchTemplate.attrLatestVersionNumber },
      targetGroupArns: [props.targetGroupArn],
      // The load balancer's health check decides: an instance whose httpd stops is replaced.
      healthCheckType: 'ELB',
      healthCheckGracePeriod: 300,
      cooldown: '120',
      tags: [{ key: 'Name', value: props.instanceName, propagateAtLaunch: true }],
    });
    for (const route of props.privateSubnetRoutes) this.group.node.addDependency(route);
    Validations.of(this.group).acknowledge({
      id: 'AwsSolutions-AS3',
      reason: 'A workshop session of a few hours: scaling events show in the group\'s activity history, which participants open; notifications would mail nobody who acts on them.',
    });

    this.scalingPolicy = new autoscaling.CfnScalingPolicy(this, 'CpuTracking', {
      autoScalingGroupName: this.group.ref,
      policyType: 'TargetTrackingScaling',
      targetTrackingConfiguration: {
        predefinedMetricSpecification: { predefinedMetricType: 'ASGAverageCPUUtilization' },
        targetValue: CPU_TARGET_PERCENT,
      },
    });
  }
}
