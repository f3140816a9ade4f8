/**
 * The expected state of a deployed workshop, built from the SAME config the app is synthesised
 * from (workshopNames derives every console name), never from a hand list.
 */
import { FilterPattern } from 'aws-cdk-lib/aws-logs';
import { flowLogBucketName, WorkshopConfig, workshopNames } from '../../lib/config/workshop-config';
import { CLOUDTRAIL_ATHENA_QUERY } from '../../lib/parts/investigation/cloudtrail-trail';
import { FLOW_LOG_ATHENA_QUERIES } from '../../lib/parts/investigation/flow-log-athena';
import { DEFAULT_FLOW_LOG_FIELDS } from '../../lib/parts/investigation/flow-log-insights';
import { EXISTS, ExpectedRow, ResourceKind } from './types';

/** The AWS default flow-log format (version 2, 14 fields). */
export const DEFAULT_FLOW_LOG_FORMAT =
  '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}';
/** How a value that the API left out is shown. */
export const UNSET = '(unset)';
export const ALL_PUBLIC_ACCESS_BLOCKED = 'all four blocked';
export const STACK_DONE = ['CREATE_COMPLETE', 'UPDATE_COMPLETE'] as const;
/**
 * Buckets whose names CloudFormation generates: a found name equal to the investigation stack's
 * output is shown as the output's name, so that a row can expect "the stack's bucket".
 */
export const RESULTS_BUCKET_OUTPUT = 'AthenaResultsBucket';
export const TRAIL_BUCKET_OUTPUT = 'TrailBucketName';
export const outputBucket = (output: string) => `<output ${output}>`;

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
    stacks: [n.stack],
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
    // Investigation (workshop part 2).
    topic: `SNS topic ${n.investigation.alarmTopic}`,
    metricFilter: `Metric filter ${n.investigation.rejectedFlowsMetric} on ${n.flowLogGroup}`,
    alarm: `Alarm ${n.investigation.rejectedFlowsAlarm}`,
    glueDatabase: `Glue database ${n.investigation.glueDatabase}`,
    glueTable: (table: string) => `Glue table ${n.investigation.glueDatabase}.${table}`,
    workGroup: `Athena workgroup ${n.investigation.athenaWorkGroup}`,
    trail: `Trail ${n.investigation.trail}`,
    wazuhPolicy: `IAM policy ${n.investigation.wazuhReader}`,
  };
}

export type ResourceLabels = ReturnType<typeof resourceLabels>;


/** The REJECT filter on the flow-log group: the default format's 14 fields, action = "REJECT". */
export function rejectedFlowsPattern(): string {
  return FilterPattern.spaceDelimited(...DEFAULT_FLOW_LOG_FIELDS).whereString('action', '=', 'REJECT').logPatternString;
}

/** Names of the workgroup's saved queries (flow logs and CloudTrail), sorted. */
export function athenaQueryNames(): string[] {
  return [...Object.values(FLOW_LOG_ATHENA_QUERIES).map((q) => q.name), CLOUDTRAIL_ATHENA_QUERY.name].sort();
}

/** How a bucket policy's statements for one service principal are shown: "action resource", sorted, "; ". */
export function statementSummary(actionResources: Array<[string, string]>): string {
  return actionResources.map(([a, r]) => `${a} ${r}`).sort().join('; ') || 'none';
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
  const bucketArn = `arn:${target.partition}:s3:::${L.bucket}`;
  add('bucket', L.bucketLabel, [
    ['public access block', ALL_PUBLIC_ACCESS_BLOCKED],
    ['default encryption', 'AES256'],
    // The flow log's delivery (delivery.logs.amazonaws.com) may check the ACL and write under <folder>/AWSLogs/<account>/.
    ['delivery statements', statementSummary([['s3:GetBucketAcl', bucketArn], ['s3:PutObject', `${bucketArn}/${n.flowLogS3Folder}/AWSLogs/${target.account}/*`]])],
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

  // --- Investigation (part 2: flow logs in CloudWatch Logs and S3, Athena, CloudTrail, Wazuh) ---
  // The saved Logs Insights queries (AWS::Logs::QueryDefinition) are not read: the local emulator
  // has no query-definition API, and verify checks only what it reads the same way everywhere.
  const inv = n.investigation;
  const arn = (service: string, resource: string) => `arn:${target.partition}:${service}:${config.region}:${target.account}:${resource}`;
  add('snsTopic', L.topic, []);
  add('metricFilter', L.metricFilter, [
    ['pattern', rejectedFlowsPattern()],
    ['metric', `${inv.metricNamespace}/${inv.rejectedFlowsMetric}`],
    ['metric value', '1'],
  ]);
  add('alarm', L.alarm, [
    ['metric', `${inv.metricNamespace}/${inv.rejectedFlowsMetric}`],
    ['statistic', 'Sum'],
    ['period (s)', 300],
    ['threshold', config.rejectedFlowsAlarmThreshold],
    ['comparison', 'GreaterThanOrEqualToThreshold'],
    ['alarm actions', arn('sns', inv.alarmTopic)],
  ]);
  add('glueDatabase', L.glueDatabase, []);
  const table = (name: string, location: string) =>
    add('glueTable', L.glueTable(name), [
      ['location', location],
      ['projection.enabled', 'true'],
    ]);
  table(inv.flowLogTable, `s3://${L.bucket}/${n.flowLogS3Folder}/AWSLogs/${target.account}/vpcflowlogs/${config.region}/`);
  table(inv.cloudTrailTable, `s3://${outputBucket(TRAIL_BUCKET_OUTPUT)}/AWSLogs/${target.account}/CloudTrail/${config.region}/`);
  const queries = athenaQueryNames();
  add('athenaWorkGroup', L.workGroup, [
    ['state', 'ENABLED'],
    ['enforce workgroup configuration', true],
    ['output location', `s3://${outputBucket(RESULTS_BUCKET_OUTPUT)}/`],
    ['result encryption', 'SSE_S3'],
    ['saved queries', queries.length],
    ['saved query names', queries.join(', ')],
  ]);
  add('trail', L.trail, [
    ['multi-region', true],
    ['log file validation', true],
    ['S3 bucket', outputBucket(TRAIL_BUCKET_OUTPUT)],
    ['CloudWatch Logs group', inv.trailLogGroup],
    ['logging', true],
  ]);
  add('iamPolicy', L.wazuhPolicy, [
    ['actions', 'ec2:DescribeFlowLogs, s3:GetObject, s3:ListBucket'],
    ['s3:GetObject resource', `${bucketArn}/${n.flowLogS3Folder}/*`],
  ]);
  return rows;
}
