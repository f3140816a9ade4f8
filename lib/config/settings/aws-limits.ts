/**
 * What AWS itself refuses, checked at synth so that no deploy fails half-way on a setting: tag
 * value characters, the length limits of the names derived from the settings (with a 12-digit
 * account and the longest supported region where the name holds them: one template deploys in
 * any account and region), CloudTrail's trail-name rules, and a principal's partition.
 */
import { LONGEST_REGION, partitionOf } from '../regions';
import { flowLogBucketName, WorkshopConfig, workshopNames } from '../workshop-config';

type Bad = (setting: string, value: unknown, allowed: string) => void;

/** Tag values (AWS tagging rules): letters, spaces, numbers and _ . : / = + - @, up to 256 characters. */
export const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

/** The longest 12-digit account id stands for any account. */
const ANY_ACCOUNT = '123456789012';

interface DerivedName {
  readonly what: string;
  readonly value: string;
  readonly max: number;
  /** The setting it is derived from. */
  readonly setting: keyof WorkshopConfig;
}

/** Every name the app derives from a setting, with AWS's length limit for it. */
export function derivedNames(c: WorkshopConfig): DerivedName[] {
  const n = workshopNames(c);
  const i = n.investigation;
  return [
    { what: 'S3 bucket name (flow logs, with account and region)', value: flowLogBucketName(c, ANY_ACCOUNT, LONGEST_REGION), max: 63, setting: 'vpcCidr' },
    { what: 'IAM user name', value: n.readOnlyUser, max: 64, setting: 'participantName' },
    { what: 'IAM group name', value: n.readOnlyGroup, max: 128, setting: 'participantName' },
    { what: 'IAM role name', value: n.crossAccountRole, max: 64, setting: 'participantName' },
    { what: 'Secrets Manager secret name', value: n.readOnlyPasswordSecret, max: 512, setting: 'participantName' },
    { what: 'IAM role name', value: i.wazuhReader, max: 64, setting: 'stackPrefix' },
    { what: 'Glue database name', value: i.glueDatabase, max: 255, setting: 'stackPrefix' },
    { what: 'Athena workgroup name', value: i.athenaWorkGroup, max: 128, setting: 'stackPrefix' },
    { what: 'CloudTrail trail name', value: i.trail, max: 128, setting: 'stackPrefix' },
    { what: 'log group name', value: i.trailLogGroup, max: 512, setting: 'stackPrefix' },
    { what: 'log group name', value: n.flowLogGroup, max: 512, setting: 'vpcCidr' },
    { what: 'SNS topic name', value: i.alarmTopic, max: 256, setting: 'stackPrefix' },
    { what: 'CloudWatch alarm name', value: i.rejectedFlowsAlarm, max: 255, setting: 'stackPrefix' },
  ];
}

/** CloudTrail trail names: start with a letter or digit, end with one, no adjacent . _ - (CreateTrail). */
const TRAIL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|[._-](?=[A-Za-z0-9]))*$/;

export function awsLimits(c: WorkshopConfig, bad: Bad): void {
  if (typeof c.participantName === 'string' && !TAG_VALUE_PATTERN.test(c.participantName)) {
    bad('participantName', c.participantName, 'must also be a valid tag value (the workshop-participant tag): letters, digits, spaces and _ . : / = + - @ (no comma)');
  }
  if (typeof c.wazuhPrincipalArn === 'string' && typeof c.region === 'string') {
    const partition = c.wazuhPrincipalArn.split(':')[1];
    const expected = partitionOf(c.region);
    if (partition && partition !== expected) {
      bad('wazuhPrincipalArn', c.wazuhPrincipalArn, `must be in the partition of region ${c.region}: arn:${expected}:...`);
    }
  }
  // The names derive from the table: only once its shape is right (the other checks report it otherwise).
  const three = (v: unknown) => Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string');
  if (typeof c.stackPrefix !== 'string' || typeof c.vpcCidr !== 'string' || typeof c.participantName !== 'string') return;
  if (!three(c.availabilityZones) || !three(c.publicSubnetCidrs) || !three(c.privateSubnetCidrs)) return;
  for (const d of derivedNames(c)) {
    if (d.value.length > d.max) {
      bad(d.setting, c[d.setting], `gives the ${d.what} "${d.value}" of ${d.value.length} characters; AWS allows at most ${d.max}`);
    }
  }
  const trail = workshopNames(c).investigation.trail;
  if (!TRAIL_NAME.test(trail)) {
    bad('stackPrefix', c.stackPrefix, `gives the CloudTrail trail name "${trail}": CloudTrail refuses adjacent or trailing hyphens`);
  }
}
