import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface WebTierSecurityGroupsProps {
  readonly vpcId: string;
  readonly loadBalancerGroupName: string;
  readonly instanceGroupName: string;
  /** Open 443 from the world too (HTTPS listener). */
  readonly https: boolean;
}

/**
 * The chain of the multi-layer architecture: the load balancer's group takes 80 (and 443) from the
 * world and sends only to the instances' group on 80; the instances' group takes 80 from the load
 * balancer's group only (a rule of its own, so neither group refers to the other inline: no cycle).
 */
export class WebTierSecurityGroups extends Construct {
  public readonly loadBalancer: ec2.CfnSecurityGroup;
  public readonly instances: ec2.CfnSecurityGroup;
  public readonly instancesFromLoadBalancer: ec2.CfnSecurityGroupIngress;

  constructor(scope: Construct, id: string, props: WebTierSecurityGroupsProps) {
    super(scope, id);
    const ports = props.https ? [80, 443] : [80];
    this.instances = new ec2.CfnSecurityGroup(this, 'Instances', {
      groupName: props.instanceGroupName,
      groupDescription: 'Web tier instances: HTTP from the load balancer only',
      vpcId: props.vpcId,
      // Out: what httpd's install (dnf) and Session Manager (HTTPS, through the NAT gateways) need.
      securityGroupEgress: [
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0', description: 'HTTPS: Session Manager, package repositories' },
        { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIp: '0.0.0.0/0', description: 'HTTP: package repositories' },
      ],
      tags: [{ key: 'Name', value: props.instanceGroupName }],
    });
    this.loadBalancer = new ec2.CfnSecurityGroup(this, 'LoadBalancer', {
      groupName: props.loadBalancerGroupName,
      groupDescription: `Web tier load balancer: ${ports.join(' and ')} from anywhere, to the instances on 80`,
      vpcId: props.vpcId,
      securityGroupIngress: ports.map((port) => ({
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrIp: '0.0.0.0/0',
        description: `${port === 80 ? 'HTTP' : 'HTTPS'} from anywhere: the public entry of the web tier`,
      })),
      securityGroupEgress: [
        { ipProtocol: 'tcp', fromPort: 80, toPort: 80, destinationSecurityGroupId: this.instances.attrGroupId, description: 'HTTP to the web tier instances (requests and health checks)' },
      ],
      tags: [{ key: 'Name', value: props.loadBalancerGroupName }],
    });
    Validations.of(this.loadBalancer).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: 'An internet-facing load balancer takes HTTP (and HTTPS) from anywhere by design; the web ACL filters what reaches it, and the instances take traffic from this group only.',
    });
    this.instancesFromLoadBalancer = new ec2.CfnSecurityGroupIngress(this, 'InstancesFromLoadBalancer', {
      groupId: this.instances.attrGroupId,
      ipProtocol: 'tcp',
      fromPort: 80,
      toPort: 80,
      sourceSecurityGroupId: this.loadBalancer.attrGroupId,
      description: 'HTTP from the web tier load balancer only',
    });
  }
}
