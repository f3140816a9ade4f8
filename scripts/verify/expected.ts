/**
 * The expected state of a deployed workshop, built from the SAME config the app is synthesised
 * from (workshopNames derives every console name), never from a hand list.
 */
import { WorkshopConfig, workshopNames } from '../../lib/config/workshop-config';
import { EXISTS, ExpectedRow, ResourceKind } from './types';

/** The AWS default flow-log format (version 2, 14 fields). */
export const DEFAULT_FLOW_LOG_FORMAT =
  '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}';
/** How a value that the API left out is shown. */
export const UNSET = '(unset)';
export const ALL_PUBLIC_ACCESS_BLOCKED = 'all four blocked';
export const STACK_DONE = ['CREATE_COMPLETE', 'UPDATE_COMPLETE'] as const;

export interface DeployTarget {
  readonly account: string;
  /** aws, aws-cn, aws-us-gov: from the caller's ARN. */
  readonly partition: string;
}

/** Display names of the resources, shared by expected.ts and observe.ts so that their keys match. */
export function resourceLabels(config: WorkshopConfig, target: DeployTarget) {
  const n = workshopNames(config);
  const bucket = flowLogBucketName(config, target.account);
  return {
    names: n,
    bucket,
    stacks: ['Identity', 'Network', 'Compute', 'Detection'].map((p) => `${config.stackPrefix}-${p}`),
    stack: (name: string) => `Stack ${name}`,
    vpc: `VPC ${n.vpc}`,
    subnet: (name: string) => `Subnet ${name}`,
    routeTable: (name: string) => `Route table ${name}`,
    internetGateway: `Internet gateway ${n.internetGateway}`,
    natGateway: (name: string) => `NAT gateway ${name}`,
    cloudWatchFlowLog: `Flow log ${n.vpc} -> CloudWatch Logs`,
    s3FlowLog: `Flow log ${n.vpc} -> S3`,
    logGroup: `Log group ${n.flowLogGroup}`,
    bucketLabel: `S3 bucket ${bucket}`,
    instance: (name: string) => `Instance ${name}`,
    defaultVpc: 'Default VPC',
    iamGroup: `IAM group ${n.readOnlyGroup}`,
    iamUser: `IAM user ${n.readOnlyUser}`,
    iamRole: (name: string) => `IAM role ${name}`,
    instanceProfile: `Instance profile ${n.ssmInstanceRole}`,
  };
}

export type ResourceLabels = ReturnType<typeof resourceLabels>;

export function flowLogBucketName(config: WorkshopConfig, account: string): string {
  return `${workshopNames(config).flowLogBucketPrefix}-${account}-${config.region}`;
}

/** How the found subnet of the webserver is shown: the default VPC's default subnet of AZ a. */
export function defaultSubnetLabel(config: WorkshopConfig): string {
  return `default subnet of ${workshopNames(config).defaultVpc} in ${config.availabilityZones[0]}`;
}

/** How the VPC's default security group is shown. */
export function vpcDefaultSecurityGroupLabel(config: WorkshopConfig): string {
  return `default (${workshopNames(config).vpc})`;
}

export function expectedRows(config: WorkshopConfig, target: DeployTarget): ExpectedRow[] {
  const L = resourceLabels(config, target);
  const n = L.names;
  const rows: ExpectedRow[] = [];
  const add = (kind: ResourceKind, resource: string, attrs: Array<[string, string | number | boolean, (readonly string[])?]>) => {
    rows.push({ kind, resource, attribute: EXISTS, expected: 'yes' });
    for (const [attribute, expected, alsoAccept] of attrs) {
      rows.push({ kind, resource, attribute, expected: String(expected), ...(alsoAccept ? { alsoAccept } : {}) });
    }
  };

  for (const stack of L.stacks) add('stack', L.stack(stack), [['status', STACK_DONE[0], STACK_DONE.slice(1)]]);

  // --- Network (workshop part 1, "Create a VPC") ---------------------------------------------
  add('vpc', L.vpc, [
    ['Name tag', n.vpc],
    ['CIDR', config.vpcCidr],
    ['DNS hostnames', true],
    ['DNS support', true],
    ['NAT gateways in VPC', config.natGateways],
  ]);
  const subnets = [...n.publicSubnets.map((s) => ({ s, pub: true })), ...n.privateSubnets.map((s) => ({ s, pub: false }))];
  for (const { s, pub } of subnets) {
    add('subnet', L.subnet(s.name), [
      ['Name tag', s.name],
      ['CIDR', s.cidr],
      ['AZ', s.availabilityZone],
      ['VPC', n.vpc],
      ['MapPublicIpOnLaunch', pub],
    ]);
  }
  add('routeTable', L.routeTable(n.publicRouteTable), [
    ['Name tag', n.publicRouteTable],
    ['VPC', n.vpc],
    ['associated subnets', n.publicSubnets.map((s) => s.name).join(', ')],
    ['route 0.0.0.0/0', n.internetGateway],
  ]);
  n.privateRouteTables.forEach((rt, i) => {
    add('routeTable', L.routeTable(rt), [
      ['Name tag', rt],
      ['VPC', n.vpc],
      ['associated subnets', n.privateSubnets[i].name],
      // Workshop mode: the NAT gateway of the same AZ; natGateways=1: the only one.
      ['route 0.0.0.0/0', n.natGateways[config.natGateways === 3 ? i : 0]],
    ]);
  });
  add('internetGateway', L.internetGateway, [
    ['Name tag', n.internetGateway],
    ['attached to', n.vpc],
  ]);
  n.natGateways.forEach((nat, i) => {
    add('natGateway', L.natGateway(nat), [
      ['Name tag', nat],
      ['subnet', n.publicSubnets[i].name],
      ['state', 'available'],
      ['Elastic IP', 'own'],
    ]);
  });

  // --- Flow logs (part 2) ----------------------------------------------------------------------
  add('flowLog', L.cloudWatchFlowLog, [
    ['traffic type', 'ALL'],
    ['log format', DEFAULT_FLOW_LOG_FORMAT, [UNSET]],
    ['destination log group', n.flowLogGroup],
  ]);
  add('flowLog', L.s3FlowLog, [
    ['traffic type', 'ALL'],
    ['log format', DEFAULT_FLOW_LOG_FORMAT, [UNSET]],
    ['destination', `arn:${target.partition}:s3:::${L.bucket}/${n.flowLogS3Folder}/`],
    ['file format', 'plain-text'],
    ['Hive-compatible partitions', false],
  ]);
  add('logGroup', L.logGroup, [['retention (days)', config.logRetentionDays]]);
  add('bucket', L.bucketLabel, [
    ['public access block', ALL_PUBLIC_ACCESS_BLOCKED],
    ['default encryption', 'AES256'],
  ]);

  // --- Instances (part 1 "Launch an instance", part 2 Inspector) -------------------------------
  const instance = (name: string, type: string, subnet: string, sg: string, publicIp: boolean) =>
    add('instance', L.instance(name), [
      ['Name tag', name],
      ['instance type', type],
      ['subnet', subnet],
      ['security groups', sg],
      ['instance profile', n.ssmInstanceRole],
      ['IMDSv2 (HttpTokens)', 'required'],
      ['public IP', publicIp ? 'yes' : 'no'],
    ]);
  instance(n.webserver, config.instanceTypes.webserver, defaultSubnetLabel(config), n.webserverSecurityGroup, true);
  instance(n.ubuntuInstance, config.instanceTypes.ubuntu, n.privateSubnets[0].name, vpcDefaultSecurityGroupLabel(config), false);
  instance(n.windowsInstance, config.instanceTypes.windows, n.privateSubnets[0].name, vpcDefaultSecurityGroupLabel(config), false);
  add('defaultVpc', L.defaultVpc, [['Name tag', n.defaultVpc]]);

  // --- IAM (part 1) ----------------------------------------------------------------------------
  add('iamGroup', L.iamGroup, []);
  add('iamUser', L.iamUser, []);
  add('iamRole', L.iamRole(n.crossAccountRole), []);
  add('iamRole', L.iamRole(n.ssmInstanceRole), []);
  add('instanceProfile', L.instanceProfile, [['roles', n.ssmInstanceRole]]);
  return rows;
}
