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
  },
  {
    control: 'CT.EC2.PR.11',
    rule: 'subnet_auto_assign_public_ip_disabled_check',
    reason: "The workshop VPC's public subnets assign public addresses, as part 1 (\"Create a VPC\") builds them.",
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
];
