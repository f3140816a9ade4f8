import type { IsolationSettings } from '../../lib/handlers/isolation';

/** lib/config/isolation.ts isolationSettings(defaults), stated literally: what the isolation handlers receive. */
export const ISOLATION_SETTINGS: IsolationSettings = {
  groupNamePrefix: 'isolation-',
  isolatedTag: 'isolated',
  groupsTagPrefix: 'isolation-groups:',
  findingTag: 'isolation-finding',
  detachedTag: 'isolation-detached-from',
  createdByTag: 'isolation-created-by',
  createdBy: 'SecurityWorkshop',
  workshopTag: { key: 'workshop', value: 'aws-security-logging-monitoring-ir' },
  noteAuthor: 'SecurityWorkshop isolate-instance',
};
