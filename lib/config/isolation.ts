/**
 * The day-2 isolation part's table ("Remediating Amazon GuardDuty and AWS Security Hub Findings":
 * the custom action "Isolate instance"): the names and tags the isolate handler writes, which the
 * cleanup, verify, leftovers and the demo read back. The handlers receive them as settings
 * (environment or ResourceProperties), since handlers import nothing from lib/config.
 */
import { WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE, WorkshopConfig } from './workshop-config';

/** What lib/handlers/isolation.ts reads as IsolationSettings. */
export interface IsolationSettingsValues {
  /** The isolation group of a VPC is named <prefix><vpc-id>. */
  readonly groupNamePrefix: string;
  /** Instance tag: when it was isolated (ISO 8601). */
  readonly isolatedTag: string;
  /** Instance tag prefix: <prefix><eni-id> = the interface's security groups before isolation. */
  readonly groupsTagPrefix: string;
  /** Snapshot tag: the finding it was taken for. */
  readonly findingTag: string;
  /**
   * Instance tag: the Auto Scaling group it was detached from. The group no longer owns it, so
   * destroy would leave it running in a subnet CloudFormation then cannot delete: the cleanup
   * terminates it.
   */
  readonly detachedTag: string;
  /** Tag on every isolation group and snapshot the app creates: key, and the stack name as value. */
  readonly createdByTag: string;
  readonly createdBy: string;
  /** The workshop tag, so leftovers finds them like the rest. */
  readonly workshopTag: { readonly key: string; readonly value: string };
  /** Who the finding's note is from (Note.UpdatedBy). */
  readonly noteAuthor: string;
}

export const ISOLATION = {
  groupNamePrefix: 'isolation-',
  isolatedTag: 'isolated',
  groupsTagPrefix: 'isolation-groups:',
  findingTag: 'isolation-finding',
  detachedTag: 'isolation-detached-from',
  createdByTag: 'isolation-created-by',
} as const;

/** The settings of this workshop's isolate and cleanup handlers. */
export function isolationSettings(config: WorkshopConfig): IsolationSettingsValues {
  return {
    ...ISOLATION,
    createdBy: config.stackPrefix,
    workshopTag: { key: WORKSHOP_TAG_KEY, value: WORKSHOP_TAG_VALUE },
    noteAuthor: `${config.stackPrefix} isolate-instance`,
  };
}
