/**
 * The day-2 respond part's table (workshop day 2: "Introduction to AWS Security Hub", "Continuous
 * Monitoring for Compliance with AWS Security Hub", "Remediating Amazon GuardDuty and AWS Security
 * Hub Findings", the Amazon Detective demo): what the constructs create and verify, leftovers and
 * preflight look for.
 */
import { WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE, WorkshopConfig } from './workshop-config';

/** Standards subscribed on a hub the app enables, by the name in their ARN; the newest version the region offers. */
export const SECURITY_HUB_STANDARDS = ['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark'] as const;

/** The custom action that isolates an instance (CreateActionTarget: Id up to 20 alphanumerics, Name up to 20 characters). */
export const ISOLATE_ACTION = {
  id: 'IsolateInstance',
  name: 'Isolate instance',
  description: 'Isolates the EC2 instances of the selected findings: isolation security group, EBS snapshots, ASG detach',
} as const;

/** The custom insight scoped to the workshop's tag. */
export const WORKSHOP_INSIGHT = {
  name: 'workshop findings by resource',
  groupByAttribute: 'ResourceId',
  filters: { ResourceTags: [{ Key: WORKSHOP_TAG_KEY, Value: WORKSHOP_TAG_VALUE, Comparison: 'EQUALS' }] },
} as const;

/** EventBridge: what Security Hub sends when a custom action is chosen. */
export const CUSTOM_ACTION_EVENT = { source: 'aws.securityhub', detailType: 'Security Hub Findings - Custom Action' } as const;

/** AWS Config's service-linked role (the recorder's role). */
export const CONFIG_SERVICE_LINKED_ROLE = 'AWSServiceRoleForConfig';

/** The recorder and delivery channel the app creates (one per region): named after the stack, so leftovers can tell them apart. */
export function configRecorderName(config: WorkshopConfig): string {
  return `${config.stackPrefix}-recorder`;
}

/** The setting's value as Config's RecordingFrequency. */
export function recordingFrequency(config: WorkshopConfig): 'CONTINUOUS' | 'DAILY' {
  return config.configRecording === 'daily' ? 'DAILY' : 'CONTINUOUS';
}
