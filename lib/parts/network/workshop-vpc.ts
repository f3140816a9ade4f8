import { Annotations, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { WorkshopConfig, workshopNames } from '../../config/workshop-config';

export interface WorkshopVpcProps {
  readonly config: WorkshopConfig;
}

/**
 * VPC-10-0-0-0 exactly as the workshop builds it by hand (part 1, "Create a VPC").
 *
 * Written with L1 resources on purpose: CDK's ec2.Vpc allocates CIDRs from the start of the range
 * and makes one route table per public subnet, while the workshop has 10.0.1-3.0/24 public,
 * 10.0.4-6.0/24 private, ONE Public-Route-Table for the three public subnets and one private
 * route table per AZ. It also avoids ec2.Vpc's restrictDefaultSecurityGroup custom resource
 * (an asset): the workshop puts two instances in the default security group.
 */
export class WorkshopVpc extends Construct {
  public readonly vpc: ec2.CfnVPC;
  public readonly vpcId: string;
  /** The VPC's default security group: the workshop's Ubuntu and Windows instances use it. */
  public readonly defaultSecurityGroupId: string;
  public readonly publicSubnets: ec2.CfnSubnet[] = [];
  public readonly privateSubnets: ec2.CfnSubnet[] = [];
  public readonly publicRouteTable: ec2.CfnRouteTable;
  public readonly privateRouteTables: ec2.CfnRouteTable[] = [];
  public readonly natGateways: ec2.CfnNatGateway[] = [];
  /** The NAT gateways' Elastic IP addresses (Ref of each EIP): the workshop's own public addresses. */
  public readonly natPublicIps: string[] = [];
  public readonly internetGateway: ec2.CfnInternetGateway;
  /** The public route to the internet gateway: an internet-facing load balancer needs the gateway attached. */
  public readonly publicDefaultRoute: ec2.CfnRoute;
  /** Private default routes: instances in private subnets need them to reach SSM. */
  public readonly privateDefaultRoutes: ec2.CfnRoute[] = [];

  constructor(scope: Construct, id: string, props: WorkshopVpcProps) {
    super(scope, id);
    const { config } = props;
    const names = workshopNames(config);

    this.vpc = new ec2.CfnVPC(this, 'Vpc', {
      cidrBlock: config.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: [{ key: 'Name', value: names.vpc }],
    });
    this.vpcId = this.vpc.ref;
    this.defaultSecurityGroupId = this.vpc.attrDefaultSecurityGroup;

    this.internetGateway = new ec2.CfnInternetGateway(this, 'InternetGateway', {
      tags: [{ key: 'Name', value: names.internetGateway }],
    });
    const attachment = new ec2.CfnVPCGatewayAttachment(this, 'InternetGatewayAttachment', {
      vpcId: this.vpcId,
      internetGatewayId: this.internetGateway.ref,
    });

    this.publicRouteTable = new ec2.CfnRouteTable(this, 'PublicRouteTable', {
      vpcId: this.vpcId,
      tags: [{ key: 'Name', value: names.publicRouteTable }],
    });
    const publicDefault = (this.publicDefaultRoute = new ec2.CfnRoute(this, 'PublicDefaultRoute', {
      routeTableId: this.publicRouteTable.ref,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: this.internetGateway.ref,
    }));
    // A route to an IGW fails until the IGW is attached to the VPC.
    publicDefault.node.addDependency(attachment);

    names.publicSubnets.forEach((spec, i) => {
      const subnet = this.subnet(`PublicSubnet${spec.azLetter.toUpperCase()}`, spec, true);
      new ec2.CfnSubnetRouteTableAssociation(this, `PublicSubnet${spec.azLetter.toUpperCase()}Association`, {
        subnetId: subnet.ref,
        routeTableId: this.publicRouteTable.ref,
      });
      this.publicSubnets.push(subnet);
      if (i < config.natGateways) {
        const eip = new ec2.CfnEIP(this, `NatEip${spec.azLetter.toUpperCase()}`, {
          domain: 'vpc',
          tags: [{ key: 'Name', value: `EIP-${names.natGateways[i]}` }],
        });
        // An EIP for a VPC needs the IGW attached first (else "is not attached to any VPC").
        eip.node.addDependency(attachment);
        this.natPublicIps.push(eip.ref);
        const nat = new ec2.CfnNatGateway(this, `NatGateway${spec.azLetter.toUpperCase()}`, {
          subnetId: subnet.ref,
          allocationId: eip.attrAllocationId,
          tags: [{ key: 'Name', value: names.natGateways[i] }],
        });
        // The NAT gateway needs the public subnet's route to the IGW to come up AVAILABLE.
        nat.node.addDependency(publicDefault);
        this.natGateways.push(nat);
      }
    });

    names.privateSubnets.forEach((spec, i) => {
      const letter = spec.azLetter.toUpperCase();
      const subnet = this.subnet(`PrivateSubnet${letter}`, spec, false);
      const table = new ec2.CfnRouteTable(this, `PrivateRouteTable${letter}`, {
        vpcId: this.vpcId,
        tags: [{ key: 'Name', value: names.privateRouteTables[i] }],
      });
      new ec2.CfnSubnetRouteTableAssociation(this, `PrivateSubnet${letter}Association`, {
        subnetId: subnet.ref,
        routeTableId: table.ref,
      });
      // Workshop mode: the NAT gateway of the same AZ. Cheaper mode: all through the first one.
      const nat = this.natGateways[names.natGatewayOfPrivateSubnet[i]];
      this.privateDefaultRoutes.push(
        new ec2.CfnRoute(this, `PrivateDefaultRoute${letter}`, {
          routeTableId: table.ref,
          destinationCidrBlock: '0.0.0.0/0',
          natGatewayId: nat.ref,
        }),
      );
      this.privateSubnets.push(subnet);
      this.privateRouteTables.push(table);
    });

    if (config.natGateways === 1) {
      Annotations.of(this).addWarningV2(
        'workshop:single-nat-gateway',
        `natGateways=1: one NAT gateway (${names.natGateways[0]}) serves all three private route tables. ` +
          'Cheaper, but it departs from the workshop text, which has one NAT gateway per public subnet.',
      );
    }
  }

  private subnet(id: string, spec: { name: string; cidr: string; availabilityZone: string }, isPublic: boolean) {
    const subnet = new ec2.CfnSubnet(this, id, {
      vpcId: this.vpcId,
      cidrBlock: spec.cidr,
      availabilityZone: spec.availabilityZone,
      mapPublicIpOnLaunch: isPublic,
      tags: [{ key: 'Name', value: spec.name }],
    });
    Validations.of(subnet).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: `The workshop text names the AZ of each subnet (${spec.name} is in ${spec.availabilityZone}); the AZs are a validated setting.`,
    });
    return subnet;
  }
}
