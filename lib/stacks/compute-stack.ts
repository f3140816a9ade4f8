import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WorkshopConfig, workshopNames } from '../config/workshop-config';
import { DefaultVpc } from '../constructs/default-vpc';
import { PrivateInstances } from '../constructs/private-instances';
import { Webserver } from '../constructs/webserver';

export interface ComputeStackProps extends StackProps {
  readonly config: WorkshopConfig;
  /** From the network stack. */
  readonly privateSubnetId: string;
  readonly vpcDefaultSecurityGroupId: string;
  /** From the identity stack: ROLE-AmazonEC2RoleforSSM. */
  readonly instanceProfileName: string;
}

/** Workshop part 1, "Launch an instance", and the instances of part 2. */
export class ComputeStack extends Stack {
  constructor(scope: Construct, id: string, props: ComputeStackProps) {
    super(scope, id, props);
    const { config } = props;
    const names = workshopNames(config);

    const defaultVpc = new DefaultVpc(this, 'DefaultVpc', {
      nameTag: names.defaultVpc,
      availabilityZone: config.availabilityZones[0],
      logRetentionDays: config.logRetentionDays,
    });
    const web = new Webserver(this, 'Webserver', {
      name: names.webserver,
      securityGroupName: names.webserverSecurityGroup,
      instanceType: config.instanceTypes.webserver,
      vpcId: defaultVpc.vpcId,
      subnetId: defaultVpc.subnetId,
      instanceProfileName: props.instanceProfileName,
    });
    const privates = new PrivateInstances(this, 'Private', {
      ubuntuName: names.ubuntuInstance,
      windowsName: names.windowsInstance,
      ubuntuInstanceType: config.instanceTypes.ubuntu,
      windowsInstanceType: config.instanceTypes.windows,
      subnetId: props.privateSubnetId,
      defaultSecurityGroupId: props.vpcDefaultSecurityGroupId,
      instanceProfileName: props.instanceProfileName,
    });

    new CfnOutput(this, 'WebserverUrl', { value: web.url });
    new CfnOutput(this, 'DefaultVpcId', { value: defaultVpc.vpcId });
    new CfnOutput(this, 'WebserverSession', { value: web.server.startSessionCommand, description: names.webserver });
    new CfnOutput(this, 'UbuntuSession', { value: privates.ubuntu.startSessionCommand, description: names.ubuntuInstance });
    new CfnOutput(this, 'WindowsSession', { value: privates.windows.startSessionCommand, description: names.windowsInstance });
  }
}
