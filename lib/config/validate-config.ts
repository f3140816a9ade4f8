/**
 * Validation of the workshop configuration. Every problem names the setting, the value and what
 * is allowed; all problems are reported at once, at synth time, before anything is deployed.
 */
import {
  ALLOWED_RETENTION_DAYS,
  INSTANCE_FAMILIES,
  SUPPORTED_REGIONS,
  WorkshopConfig,
  isKnownInstanceType,
} from './workshop-config';
import { validateDay2Parts, validateParts } from './settings/parts';
import { validateSecurityHubSettings } from './settings/security-hub';
import { validateAutoBlockSettings } from './settings/auto-block';
import { validateWebTierSettings } from './settings/web-tier';
import { zonesOf } from './regions';
import { awsLimits } from './settings/aws-limits';
import { MIN_LOG_RETENTION_DAYS } from './control-tower';

export class WorkshopConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid workshop configuration (cdk.json context or -c key=value):\n  - ${problems.join('\n  - ')}`);
    this.name = 'WorkshopConfigError';
  }
}

interface Cidr {
  readonly text: string;
  readonly start: number;
  readonly prefix: number;
  readonly size: number;
}

/** Parses an IPv4 CIDR; returns a reason string when it is not one. */
export function parseCidr(text: string): Cidr | string {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return 'is not an IPv4 CIDR such as 10.0.1.0/24';
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255)) return 'has an octet above 255';
  if (prefix > 32) return 'has a prefix length above 32';
  const start = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const size = 2 ** (32 - prefix);
  if (start % size !== 0) {
    return `has host bits set (the network address of a /${prefix} must be a multiple of ${size})`;
  }
  return { text, start, prefix, size };
}

const overlaps = (a: Cidr, b: Cidr) => a.start < b.start + b.size && b.start < a.start + a.size;

/** IAM names allow [A-Za-z0-9+=,.@_-]; the longest derived name (<name>-CROSS-ACCOUNT-ROLE) must fit 64. */
export const PARTICIPANT_NAME_PATTERN = /^[A-Za-z0-9+=,.@_-]{1,32}$/;
export const PARTICIPANT_NAME_MAX_LENGTH = 32;

/** A plain address for an SNS email subscription (SNS checks deliverability by the confirmation mail). */
export const EMAIL_PATTERN = /^[^\s@]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/** Longest email address (RFC 5321's path limit). */
export const EMAIL_MAX_LENGTH = 254;

/** A 12-digit AWS account id (the trustedAccountId setting, the TrustedAccountId parameter, roster account ids). */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** Principals a role trust policy accepts by ARN: an account root, an IAM user or an IAM role (with path). */
export const IAM_PRINCIPAL_ARN_PATTERN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|(user|role)\/([A-Za-z0-9+=,.@_-]+\/)*[A-Za-z0-9+=,.@_-]{1,64})$/;

/** What STS takes as an ExternalId (AssumeRole): 2 to 1224 characters of letters, digits and +=,.@:/- (and _). */
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:\/-]{2,1224}$/;

/** The imageSet setting: a label, part of a physical resource id. */
export const IMAGE_SET_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;

export function validateConfig(c: WorkshopConfig): WorkshopConfig {
  const problems: string[] = [];
  const bad = (setting: string, value: unknown, allowed: string) =>
    problems.push(`${setting}=${JSON.stringify(value)}: ${allowed}`);

  if (!(SUPPORTED_REGIONS as readonly string[]).includes(c.region)) {
    bad('region', c.region, `must be a commercial region with GuardDuty, Inspector and three AZs: ${SUPPORTED_REGIONS.join(', ')}`);
  }

  if (!Array.isArray(c.availabilityZones) || c.availabilityZones.length !== 3) {
    bad('availabilityZones', c.availabilityZones, 'must list exactly 3 AZs (the workshop has subnets a, b and c), e.g. us-east-1a,us-east-1b,us-east-1c');
  } else {
    const zones = zonesOf(c.region);
    for (const az of c.availabilityZones) {
      if (zones.length > 0 && !zones.includes(az)) bad('availabilityZones', az, `must be an AZ that region ${c.region} offers: ${zones.join(', ')}`);
    }
    if (new Set(c.availabilityZones).size !== c.availabilityZones.length) {
      bad('availabilityZones', c.availabilityZones, 'must be 3 different AZs');
    }
  }

  if (typeof c.participantName !== 'string' || !PARTICIPANT_NAME_PATTERN.test(c.participantName)) {
    bad('participantName', c.participantName, 'must be 1-32 characters of A-Z a-z 0-9 + = , . @ _ - (IAM names; <name>-CROSS-ACCOUNT-ROLE must fit IAM\'s 64)');
  }

  if (c.trustedAccountId !== undefined && !ACCOUNT_ID_PATTERN.test(String(c.trustedAccountId))) {
    bad('trustedAccountId', c.trustedAccountId, 'must be a 12-digit AWS account id, or unset for the deploying account');
  }

  const vpc = parseCidr(c.vpcCidr);
  if (typeof vpc === 'string') bad('vpcCidr', c.vpcCidr, vpc);
  else if (vpc.prefix < 16 || vpc.prefix > 28) bad('vpcCidr', c.vpcCidr, 'must have a prefix length from /16 to /28 (the VPC limits)');

  const subnets: { setting: string; cidr: Cidr }[] = [];
  for (const setting of ['publicSubnetCidrs', 'privateSubnetCidrs'] as const) {
    const list = c[setting];
    if (!Array.isArray(list) || list.length !== 3) {
      bad(setting, list, 'must list exactly 3 CIDRs, one per AZ (a, b, c)');
      continue;
    }
    for (const text of list) {
      const s = parseCidr(text);
      if (typeof s === 'string') {
        bad(setting, text, s);
        continue;
      }
      if (s.prefix < 16 || s.prefix > 28) bad(setting, text, 'must have a prefix length from /16 to /28 (the subnet limits)');
      if (typeof vpc !== 'string' && !(s.start >= vpc.start && s.start + s.size <= vpc.start + vpc.size)) {
        bad(setting, text, `must lie inside vpcCidr ${c.vpcCidr}`);
      }
      for (const other of subnets) {
        if (overlaps(other.cidr, s)) bad(setting, text, `must not overlap ${other.cidr.text} (${other.setting})`);
      }
      subnets.push({ setting, cidr: s });
    }
  }

  if (c.natGateways !== 1 && c.natGateways !== 3) {
    bad('natGateways', c.natGateways, 'must be 3 (the workshop: one per AZ) or 1 (cheaper mode, departs from the text)');
  }

  for (const [key, value] of Object.entries(c.instanceTypes ?? {})) {
    if (typeof value !== 'string' || !isKnownInstanceType(value)) {
      // Named as it is set: webserverInstanceType, ubuntuInstanceType, windowsInstanceType.
      bad(`${key}InstanceType`, value, `must be an x86_64 instance type of families ${INSTANCE_FAMILIES.join(', ')} (t2/t3/t3a nano..2xlarge, others large..2xlarge), e.g. t3.micro`);
    }
  }

  if (typeof c.sampleFindings !== 'boolean') bad('sampleFindings', c.sampleFindings, 'must be true or false');

  const retentions = ALLOWED_RETENTION_DAYS.filter((d) => d >= MIN_LOG_RETENTION_DAYS);
  if (!(retentions as readonly number[]).includes(c.logRetentionDays)) {
    bad(
      'logRetentionDays',
      c.logRetentionDays,
      `must be one of CloudWatch Logs' values of at least ${MIN_LOG_RETENTION_DAYS} days (AWS Control Tower control CT.CLOUDWATCH.PR.2 refuses a shorter retention): ${retentions.join(', ')}`,
    );
  }

  if (typeof c.stackPrefix !== 'string' || !/^[A-Za-z][A-Za-z0-9-]{0,40}$/.test(c.stackPrefix)) {
    bad('stackPrefix', c.stackPrefix, 'must start with a letter and have 1-41 letters, digits or hyphens (CloudFormation stack names)');
  }

  if (c.alarmEmail !== undefined && (typeof c.alarmEmail !== 'string' || c.alarmEmail.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(c.alarmEmail))) {
    bad('alarmEmail', c.alarmEmail, 'must be an email address such as secops@example.com, or unset for no subscription');
  }

  const threshold = c.rejectedFlowsAlarmThreshold;
  if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1 || threshold > 1_000_000) {
    bad('rejectedFlowsAlarmThreshold', threshold, 'must be a whole number from 1 to 1000000 (REJECT records in 5 minutes)');
  }

  if (c.wazuhPrincipalArn !== undefined && (typeof c.wazuhPrincipalArn !== 'string' || !IAM_PRINCIPAL_ARN_PATTERN.test(c.wazuhPrincipalArn))) {
    bad('wazuhPrincipalArn', c.wazuhPrincipalArn, 'must be an IAM ARN of an account root, user or role, e.g. arn:aws:iam::123456789012:role/wazuh-manager, or unset for no role');
  }

  if (typeof c.imageSet !== 'string' || !IMAGE_SET_PATTERN.test(c.imageSet)) {
    bad('imageSet', c.imageSet, 'must be 1 to 32 letters, digits and ._- (a label such as 2026-12-01; change it to launch the instances from newer images)');
  }

  if (c.wazuhExternalId !== undefined) {
    if (typeof c.wazuhExternalId !== 'string' || !EXTERNAL_ID_PATTERN.test(c.wazuhExternalId)) {
      bad('wazuhExternalId', c.wazuhExternalId, 'must be 2 to 1224 characters of letters, digits and _+=,.@:/- (what STS takes as an external id), or unset for none');
    } else if (c.wazuhPrincipalArn === undefined) {
      bad('wazuhExternalId', c.wazuhExternalId, 'needs wazuhPrincipalArn: the external id is a condition of the Wazuh reader role, which exists only for a principal');
    }
  }

  awsLimits(c, bad);

  if (typeof c.day2 !== 'boolean') bad('day2', c.day2, 'must be true or false (true adds the day-2 parts to the stack)');

  validateParts(c, bad);
  validateDay2Parts(c, bad);
  validateSecurityHubSettings(c, bad);
  validateAutoBlockSettings(c, bad, parseCidr);
  validateWebTierSettings(c, bad);

  if (problems.length > 0) throw new WorkshopConfigError(problems);
  return c;
}
