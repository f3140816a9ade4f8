import { Construct, IDependable } from 'constructs';
import { WorkshopConfig, workshopNames } from '../../config/workshop-config';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DefaultVpc } from './default-vpc';
import { PinnedImages } from '../../constructs/pinned-images';
import { PrivateInstances } from './private-instances';
import { Webserver } from './webserver';
import { WorkshopKey } from '../../constructs/workshop-key';

export interface ComputeProps {
  readonly config: WorkshopConfig;
  /** The workshop key: the default-VPC lookup's log group. */
  readonly key: WorkshopKey;
  /** From the identity part: ROLE-AmazonEC2RoleforSSM. */
  readonly instanceProfileName: string;
  /** From the network part: Private-Subnet-a, where the workshop launches both private instances. */
  readonly privateSubnetId: string;
  /**
   * From the network part: the private subnet's 0.0.0.0/0 route to its NAT gateway. The private
   * instances wait for it (their SSM agent and the Ubuntu user data need the way out), and for
   * nothing else of the network.
   */
  readonly privateSubnetRoute: IDependable;
  /** From the network part: the default security group of VPC-10-0-0-0. */
  readonly vpcDefaultSecurityGroupId: string;
}

/** Workshop part 1, "Launch an instance", and the instances of part 2. */
export class Compute extends Construct {
  public readonly defaultVpc: DefaultVpc;
  public readonly webserver: Webserver;
  public readonly privateInstances: PrivateInstances;
  public readonly images: PinnedImages;

  constructor(scope: Construct, id: string, props: ComputeProps) {
    super(scope, id);
    const { config } = props;
    const names = workshopNames(config);

    this.defaultVpc = new DefaultVpc(this, 'DefaultVpc', {
      nameTag: names.defaultVpc,
      availabilityZone: config.availabilityZones[0],
      logs: { retentionDays: config.logRetentionDays, key: props.key },
    });
    this.images = new PinnedImages(this, 'Images', { imageSet: config.imageSet, logs: { retentionDays: config.logRetentionDays, key: props.key } });
    const { LINUX, WINDOWS } = ec2.OperatingSystemType;
    this.webserver = new Webserver(this, 'Webserver', {
      machineImage: this.images.machineImage('amazonLinux2023', LINUX),
      name: names.webserver,
      securityGroupName: names.webserverSecurityGroup,
      instanceType: config.instanceTypes.webserver,
      vpcId: this.defaultVpc.vpcId,
      subnetId: this.defaultVpc.subnetId,
      instanceProfileName: props.instanceProfileName,
    });
    this.privateInstances = new PrivateInstances(this, 'Private', {
      ubuntuName: names.ubuntuInstance,
      windowsName: names.windowsInstance,
      ubuntuInstanceType: config.instanceTypes.ubuntu,
      windowsInstanceType: config.instanceTypes.windows,
      subnetId: props.privateSubnetId,
      defaultSecurityGroupId: props.vpcDefaultSecurityGroupId,
      instanceProfileName: props.instanceProfileName,
      ubuntuImage: this.images.machineImage('ubuntuLts', LINUX),
      windowsImage: this.images.machineImage('windowsServer', WINDOWS),
    });
    for (const instance of [this.privateInstances.ubuntu, this.privateInstances.windows]) {
      instance.instance.node.addDependency(props.privateSubnetRoute);
    }
  }
}
