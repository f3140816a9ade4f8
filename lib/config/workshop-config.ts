/**
 * The workshop's table as a typed parameter object: the single source of truth that
 * constructs, the verify script and the tests read. Defaults are the workshop's literal values
 * ("AWS Security logging, monitoring and incident response", parts 1 and 2).
 *
 * Names that participants see in the console (VPC-10-0-0-0, Public-Subnet-a-10-0-1, ...) are
 * derived from the CIDRs and AZs here, so a changed CIDR renames its resource consistently.
 */
import { REGION_ZONES, SupportedRegion } from './regions';

import { WORKSHOP_PARTS, type WorkshopPart } from './settings/parts';

/** NAT gateway modes: 3 is the workshop (one per AZ); 1 is a cheaper mode that departs from the text. */
export type NatGatewayCount = 1 | 3;

export interface InstanceTypes {
  /** webserver-001-default-vpc (Amazon Linux 2023). */
  readonly webserver: string;
  /** Ubuntu-instance-001-no-updates. */
  readonly ubuntu: string;
  /** Windows-instance-001. */
  readonly windows: string;
}

export interface WorkshopConfig {
  /** Region of every stack. The workshop uses us-east-1. */
  readonly region: string;
  /** Exactly three AZs of the region: subnets a, b and c. */
  readonly availabilityZones: readonly [string, string, string];
  /** Prefix of the IAM group and user: <name>-RO-GROUP, <name>-RO. */
  readonly participantName: string;
  /** Account allowed to assume the cross-account role; undefined = the deploying account. */
  readonly trustedAccountId?: string;
  readonly vpcCidr: string;
  /** Public subnets in AZ a, b, c. */
  readonly publicSubnetCidrs: readonly [string, string, string];
  /** Private subnets in AZ a, b, c. */
  readonly privateSubnetCidrs: readonly [string, string, string];
  readonly natGateways: NatGatewayCount;
  readonly instanceTypes: InstanceTypes;
  /** Generate GuardDuty sample findings once the detector exists. */
  readonly sampleFindings: boolean;
  /** Retention of every log group of the app (flow logs, trail, custom resources), in days: at least MIN_LOG_RETENTION_DAYS. */
  readonly logRetentionDays: number;
  /** Name of the stack (and prefix of the names of the investigation resources). */
  readonly stackPrefix: string;
  /** Email address subscribed to the flow-log alarm topic; undefined = no subscription. */
  readonly alarmEmail?: string;
  /** REJECT flow-log records in 5 minutes that raise the alarm. */
  readonly rejectedFlowsAlarmThreshold: number;
  /** IAM principal (account root, user or role ARN) that may assume the Wazuh reader role; undefined = no role. */
  readonly wazuhPrincipalArn?: string;
  /**
   * External id the Wazuh reader role requires (sts:ExternalId), as AWS recommends for access by a
   * third party; undefined = none. Needs wazuhPrincipalArn.
   */
  readonly wazuhExternalId?: string;
  /** Add the day-2 parts (web tier, auto-block, Security Hub, isolation) to the same stack. */
  readonly day2: boolean;
  /** The day-1 parts the template holds (default all; fewer to catch a participant up). */
  readonly parts: readonly WorkshopPart[];
  /** Day 2: how AWS Config records (continuous: every change, the workshop; daily: cheaper). */
  readonly configRecording: ConfigRecording;
  /** Day 2: an Amazon Detective behavior graph (billed per GB ingested). */
  readonly detective: boolean;
  /** Day 2: the lowest GuardDuty finding severity (1-10) whose remote addresses the auto-block handler blocks. */
  readonly blockSeverity: number;
  /** Day 2: hours a block lasts before the scheduled rule lifts it. */
  readonly blockHours: number;
  /** Day 2: let GuardDuty sample findings (service.additionalInfo.sample) block their addresses. */
  readonly blockSampleFindings: boolean;
  /** Day 2: IPv4 CIDRs never blocked (besides private and reserved ranges and the VPC), e.g. the organiser's office. */
  readonly blockExemptCidrs: readonly string[];
  /** Day 2: the web tier's Auto Scaling group (capacity) and launch template (instance type). */
  readonly webTier: WebTierSettings;
  /** Day 2: a domain name for the web tier (HTTPS with an ACM certificate); set with hostedZoneId. */
  readonly domainName?: string;
  /** Day 2: the Route 53 public hosted zone of domainName (Z + upper-case letters and digits). */
  readonly hostedZoneId?: string;
  /**
   * Label of the instances' image set: the AMI ids are read from AWS's public SSM parameters once
   * per value and kept, so a redeploy replaces no instance; change it to move to newer images.
   */
  readonly imageSet: string;
}

/** The web tier's settings: webTierMinCapacity, webTierMaxCapacity, webTierInstanceType. */
export interface WebTierSettings {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly instanceType: string;
}

/** AWS Config recording frequencies: the setting's values. */
export const CONFIG_RECORDING_MODES = ['continuous', 'daily'] as const;
export type ConfigRecording = (typeof CONFIG_RECORDING_MODES)[number];

/** The workshop's literal table. */
export const WORKSHOP_DEFAULTS: WorkshopConfig = {
  region: 'us-east-1',
  availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  participantName: 'workshop',
  trustedAccountId: undefined,
  vpcCidr: '10.0.0.0/16',
  publicSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'],
  privateSubnetCidrs: ['10.0.4.0/24', '10.0.5.0/24', '10.0.6.0/24'],
  natGateways: 3,
  // Windows Server 2025 needs 2 GiB to be usable over Session Manager: t3.small, not t3.micro.
  instanceTypes: { webserver: 't3.micro', ubuntu: 't3.micro', windows: 't3.small' },
  sampleFindings: true,
  // At least a year: AWS Control Tower's CT.CLOUDWATCH.PR.2 (the text sets 7 days by hand; destroy deletes the groups).
  logRetentionDays: 365,
  stackPrefix: 'SecurityWorkshop',
  alarmEmail: undefined,
  // Not in the workshop: a spike well above the background of scans that reach the NAT gateways.
  rejectedFlowsAlarmThreshold: 100,
  wazuhPrincipalArn: undefined,
  wazuhExternalId: undefined,
  // Day 1 by default: an organiser deploys day 1, then `cdk deploy -c day2=true` on day 2.
  day2: false,
  parts: WORKSHOP_PARTS,
  configRecording: 'continuous',
  // Off: Detective bills per GB of logs it ingests; the organiser turns it on for its demo.
  detective: false,
  // Medium and above: GuardDuty's own "medium" threshold. The findings a workshop's exposed hosts draw
  // from scanners (port probes, SSH brute force against an instance) are low (2) and would block
  // a stream of scanners; a known malicious caller (MaliciousIPCaller) is medium (5).
  blockSeverity: 4,
  // Twelve hours (the reference solution's default retention): a workshop day; lifted before the next.
  blockHours: 12,
  // Off: sample findings (the sampleFindings setting makes them) carry made-up attacker addresses.
  blockSampleFindings: false,
  blockExemptCidrs: [],
  // At least one instance in each of two zones behind the load balancer; a third under load.
  webTier: { minCapacity: 2, maxCapacity: 3, instanceType: 't3.micro' },
  domainName: undefined,
  hostedZoneId: undefined,
  // Bump (e.g. to a date) to launch the instances again from the newest images.
  imageSet: 'initial',
};

/** CloudWatch Logs accepts only these retention values (PutRetentionPolicy). */
export const ALLOWED_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Regions where the workshop's services (GuardDuty, Inspector, 3+ AZs) are available: the table in ./regions. */
export const SUPPORTED_REGIONS = Object.keys(REGION_ZONES) as readonly SupportedRegion[];

/**
 * x86_64 instance families: the AMIs (AL2023, Ubuntu, Windows) are the x86_64 ones, so Graviton
 * types (t4g, m7g, ...) would fail at launch.
 */
export const INSTANCE_FAMILIES = ['t2', 't3', 't3a', 'm5', 'm5a', 'm6i', 'm6a', 'm7i', 'm7a', 'c5', 'c6i', 'c7i', 'r5', 'r6i'] as const;
export const INSTANCE_SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'] as const;
/** Burstable families have nano..2xlarge; the others start at large. */
const BURSTABLE = new Set(['t2', 't3', 't3a']);

export function isKnownInstanceType(value: string): boolean {
  const [family, size, ...rest] = value.split('.');
  if (rest.length > 0 || !(INSTANCE_FAMILIES as readonly string[]).includes(family)) return false;
  const sizes: readonly string[] = BURSTABLE.has(family) ? INSTANCE_SIZES : ['large', 'xlarge', '2xlarge'];
  return sizes.includes(size);
}

/** What one subnet of the table is. */
export interface SubnetSpec {
  readonly name: string;
  readonly cidr: string;
  readonly availabilityZone: string;
  /** The AZ letter: a, b or c. */
  readonly azLetter: string;
}

/** Tags on everything the app creates; `npm run leftovers` looks for them. */
export const WORKSHOP_TAG_KEY = 'workshop';
export const WORKSHOP_TAG_VALUE = 'aws-security-logging-monitoring-ir';
export const PARTICIPANT_TAG_KEY = 'workshop-participant';

/** The parts that were stacks of their own (<prefix>-Identity, ...) before the app became one stack. */
export const LEGACY_STACK_PARTS = ['Identity', 'Network', 'Detection', 'Compute', 'Investigation'] as const;

/**
 * The NAT gateway (index into workshopNames().natGateways) of private subnet i: the one in the
 * same AZ in workshop mode, the only one with natGateways=1.
 */
export function natGatewayIndex(config: WorkshopConfig, privateSubnetIndex: number): number {
  return config.natGateways === 3 ? privateSubnetIndex : 0;
}

/** The flow-log bucket: its prefix from the table, then -<account>-<region> for global uniqueness. */
export function flowLogBucketName(config: WorkshopConfig, account: string, region: string = config.region): string {
  return `${workshopNames(config).flowLogBucketPrefix}-${account}-${region}`;
}

/** "10.0.1.0/24" -> "10-0-1": the workshop names subnets after the first three octets. */
function threeOctets(cidr: string): string {
  return cidr.split('/')[0].split('.').slice(0, 3).join('-');
}

/**
 * The shapes of the names derived from the participant name (workshop part 1, IAM). One place
 * for each shape, used twice: with the literal setting (workshopNames: verify, leftovers, tests)
 * and with the ParticipantName parameter's token (the template: CDK writes Fn::Join), so one
 * template serves every participant and the checks expect what a default deploy creates.
 */
export function participantNames(participantName: string) {
  return {
    readOnlyGroup: `${participantName}-RO-GROUP`,
    readOnlyUser: `${participantName}-RO`,
    readOnlyPasswordSecret: `${participantName}-RO-console-password`,
    crossAccountRole: `${participantName}-CROSS-ACCOUNT-ROLE`,
  };
}

export type ParticipantNames = ReturnType<typeof participantNames>;

/** Console names derived from the table (workshop part 1, "Create a VPC"). */
export function workshopNames(config: WorkshopConfig) {
  const vpcDashed = config.vpcCidr.split('/')[0].split('.').join('-');
  const letter = (az: string) => az.slice(-1);
  const publicSubnets: SubnetSpec[] = config.publicSubnetCidrs.map((cidr, i) => ({
    cidr,
    availabilityZone: config.availabilityZones[i],
    azLetter: letter(config.availabilityZones[i]),
    name: `Public-Subnet-${letter(config.availabilityZones[i])}-${threeOctets(cidr)}`,
  }));
  const privateSubnets: SubnetSpec[] = config.privateSubnetCidrs.map((cidr, i) => ({
    cidr,
    availabilityZone: config.availabilityZones[i],
    azLetter: letter(config.availabilityZones[i]),
    name: `Private-Subnet-${letter(config.availabilityZones[i])}-${threeOctets(cidr)}`,
  }));
  return {
    /** The one stack that holds a participant's whole environment. */
    stack: config.stackPrefix,
    /** Stack names of the five-stack layout before it (leftovers still recognises them). */
    legacyStacks: LEGACY_STACK_PARTS.map((part) => `${config.stackPrefix}-${part}`),
    vpc: `VPC-${vpcDashed}`,
    internetGateway: `IGW-VPC-${vpcDashed}`,
    publicRouteTable: 'Public-Route-Table',
    privateRouteTables: config.availabilityZones.map((az) => `Private-Route-Table-${letter(az)}`),
    /** One NAT gateway per public subnet in workshop mode: NGW-Public-subnet-10-0-1, ... */
    natGateways: publicSubnets.slice(0, config.natGateways).map((s) => `NGW-Public-subnet-${threeOctets(s.cidr)}`),
    /** Index into natGateways of the NAT gateway each private route table (a, b, c) sends 0.0.0.0/0 to. */
    natGatewayOfPrivateSubnet: privateSubnets.map((_, i) => natGatewayIndex(config, i)),
    publicSubnets,
    privateSubnets,
    flowLogGroup: `Flow-logs-VPC-${vpcDashed}`,
    /** Bucket names are lower case; flowLogBucketName appends -<account>-<region> for uniqueness. */
    flowLogBucketPrefix: `s3-vpc-flow-logs-vpc-${vpcDashed}`,
    /** Key prefix that Wazuh's aws-s3 module reads for type vpcflow (<path>vpc</path>). */
    flowLogS3Folder: 'vpc',
    ...participantNames(config.participantName),
    ssmInstanceRole: 'ROLE-AmazonEC2RoleforSSM',
    defaultVpc: 'Default-VPC',
    webserver: 'webserver-001-default-vpc',
    webserverSecurityGroup: 'http-world',
    ubuntuInstance: 'Ubuntu-instance-001-no-updates',
    windowsInstance: 'Windows-instance-001',
    investigation: investigationNames(config.stackPrefix),
  };
}

/** Names of the investigation stack (flow-log queries, Athena, CloudTrail, Wazuh hand-off), per stack prefix. */
function investigationNames(prefix: string) {
  return {
    /** Logs Insights shows a "/" in a query name as a folder. */
    queryFolder: prefix,
    metricNamespace: `${prefix}/FlowLogs`,
    rejectedFlowsMetric: 'RejectedFlows',
    rejectedFlowsAlarm: `${prefix}-FlowLogs-Rejected-Spike`,
    alarmTopic: `${prefix}-Alarms`,
    /** Glue names are lower case with underscores. */
    glueDatabase: `${prefix.toLowerCase().replace(/-/g, '_')}_logs`,
    flowLogTable: 'vpc_flow_logs',
    cloudTrailTable: 'cloudtrail_logs',
    athenaWorkGroup: `${prefix}-Investigation`,
    trail: `${prefix}-Trail`,
    trailLogGroup: `${prefix}-CloudTrail`,
    wazuhReader: `${prefix}-WazuhVpcFlowReader`,
  };
}

export type WorkshopNames = ReturnType<typeof workshopNames>;
