/**
 * Deployable in a governed organisation: what AWS Control Tower's proactive controls (the cfn-guard
 * rules that @cdklabs/cdk-validator-cfnguard ships, run over every template by
 * test/control-tower.test.ts) ask of the template, and the controls the workshop breaks on purpose.
 * The README lists the same exceptions with the same reasons (a test keeps them in step).
 */

/** CT.CLOUDWATCH.PR.2: a log group keeps its events at least a year (or never expires them). */
export const MIN_LOG_RETENTION_DAYS = 365;

/**
 * What the workshop text has participants set on the flow-log group by hand (part 2, "VPC Flow
 * Logs"). The app keeps its logs longer (MIN_LOG_RETENTION_DAYS), so `npm run check` grades a
 * hand-built account against this value, not the app's setting.
 */
export const TEXT_LOG_RETENTION_DAYS = 7;

/**
 * Lifecycle of the app's buckets (CT.S3.PR.6 lifecycle rule, CT.S3.PR.3 for noncurrent versions):
 * versions that a newer one replaced expire, and incomplete multipart uploads are aborted. Current
 * objects stay: destroy empties the buckets anyway.
 */
export const BUCKET_LIFECYCLE = {
  noncurrentVersionExpirationDays: 30,
  abortIncompleteMultipartUploadDays: 1,
} as const;

/** The KMS key's waiting period before deletion once destroy schedules it (7: the shortest KMS allows). */
export const KEY_PENDING_WINDOW_DAYS = 7;

/** A Control Tower control the template fails on purpose, and why. */
export interface ControlException {
  /** The control's identifier, as AWS names it: CT.EC2.PR.8. */
  readonly control: string;
  /** The cfn-guard rule name that implements it (in the package's rules/control-tower/). */
  readonly rule: string;
  readonly reason: string;
  /** Only these resources may fail it (logical-id prefixes); default: any resource. */
  readonly resources?: readonly string[];
  /** Only the day-2 template has what fails it. */
  readonly day2?: true;
}

/**
 * The controls the workshop breaks on purpose or cannot meet without changing what it teaches.
 * An organisation that enforces them has to exempt the workshop's accounts (or its OU) from these.
 */
export const CONTROL_TOWER_EXCEPTIONS: readonly ControlException[] = [
  {
    control: 'CT.EC2.PR.8',
    rule: 'ec2_instance_no_public_ip_check',
    reason: 'The webserver in the default VPC has a public address: part 1 launches a public web server and part 2 watches the internet reach it.',
    resources: ['ComputeWebserver'],
  },
  {
    control: 'CT.EC2.PR.11',
    rule: 'subnet_auto_assign_public_ip_disabled_check',
    reason: "The workshop VPC's public subnets assign public addresses, as part 1 (\"Create a VPC\") builds them.",
    resources: ['NetworkVpcPublicSubnet'],
  },
  {
    control: 'CT.EC2.PR.19',
    rule: 'ec2_instance_nitro_encryption_in_transit_check',
    reason: 'The instance types are small burstable ones (t3.micro, t3.small); the types with Nitro encryption in transit start at m5n/m6i.large, several times the price per participant.',
  },
  {
    control: 'CT.LAMBDA.PR.3',
    rule: 'lambda_inside_vpc_check',
    reason: 'The custom-resource handlers run only during deploy and destroy and call AWS APIs; in a VPC they would need a NAT gateway or endpoints per service, and their network interfaces hold up stack deletion for many minutes.',
  },
  {
    control: 'CT.S3.PR.2',
    rule: 's3_bucket_logging_enabled_check',
    reason: "The buckets hold one session's logs and are emptied and deleted on destroy; server access logs would need a second bucket that outlives them (the cdk-nag S1 acknowledgement).",
  },
  {
    control: 'CT.S3.PR.4',
    rule: 's3_event_notifications_enabled_check',
    reason: 'Nothing acts on new objects: flow logs and CloudTrail files are read with Athena and Wazuh, which list the bucket.',
  },
  {
    control: 'CT.S3.PR.9',
    rule: 's3_bucket_object_lock_enabled_check',
    reason: 'Object Lock would keep destroy from emptying and deleting the buckets, and AWS Config cannot deliver to a bucket with Object Lock.',
  },
  {
    control: 'CT.EC2.PR.5',
    rule: 'nacl_no_unrestricted_ssh_rdp_check',
    reason: "The auto-block network ACL of the public subnets (day 2) lets everything in behind its DENY entries for blocked hosts: network ACLs are stateless, and the NAT gateways' return traffic arrives on any port from 1024 to 65535, 3389 included. Nothing in those subnets listens on 22 or 3389; security groups keep them closed.",
    resources: ['AutoBlockAcl'],
    day2: true,
  },
  {
    control: 'CT.AUTOSCALING.PR.6',
    rule: 'autoscaling_mixed_instances_policy_multiple_instance_types_check',
    reason: 'The day-2 web tier runs one instance type (webTierInstanceType) so that the instances participants compare are alike and the cost estimate is exact; diversifying types protects capacity for long-running fleets, not a session of a few hours.',
    resources: ['WebTierFleetGroup'],
    day2: true,
  },
  {
    control: 'CT.ELASTICLOADBALANCING.PR.1',
    rule: 'alb_http_to_https_redirection_check',
    reason: 'Without a domain (domainName and hostedZoneId) Certificate Manager cannot issue a certificate, so the day-2 web tier serves HTTP; with a domain, port 80 redirects to HTTPS.',
    resources: ['WebTierLoadBalancerHttp'],
    day2: true,
  },
  {
    control: 'CT.ELASTICLOADBALANCING.PR.5',
    rule: 'elbv2_deletion_protection_enabled_check',
    reason: 'cdk destroy must delete the day-2 load balancer with the rest of the workshop; deletion protection would make every teardown fail.',
    resources: ['WebTierLoadBalancer'],
    day2: true,
  },
  {
    control: 'CT.S3.PR.10',
    rule: 's3_bucket_default_encryption_kms_check',
    reason: "Elastic Load Balancing writes access logs only to buckets encrypted with SSE-S3, not SSE-KMS: the day-2 load balancer's access-log bucket; every other bucket uses the workshop key.",
    resources: ['WebTierLoadBalancerAccessLogsBucket'],
    day2: true,
  },
];
