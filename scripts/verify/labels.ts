/**
 * How verify names what it checks: the display names of the resources (shared by the expected
 * rows and the observations of every part, so that their keys match) and the fixed values rows
 * show. Built from the SAME config the app is synthesised from (workshopNames derives every
 * console name), never from a hand list.
 */
import { FilterPattern } from 'aws-cdk-lib/aws-logs';
import { flowLogBucketName, WorkshopConfig, workshopNames } from '../../lib/config/workshop-config';
import { CLOUDTRAIL_ATHENA_QUERY } from '../../lib/parts/investigation/cloudtrail-trail';
import { FLOW_LOG_ATHENA_QUERIES } from '../../lib/parts/investigation/flow-log-athena';
import { DEFAULT_FLOW_LOG_FIELDS } from '../../lib/parts/investigation/flow-log-insights';

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
