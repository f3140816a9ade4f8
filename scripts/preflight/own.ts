/**
 * What the app's own deployment already holds: resources tagged as this workshop copy
 * (workshop=<value> and workshop-participant=<participantName>) or created by its stack
 * (aws:cloudformation:stack-name). They count as the app's own, not as used quota, so a
 * re-run after a deploy or a partial failure is not blocked by what the app itself holds.
 */
import type { Tag } from '@aws-sdk/client-ec2';
import { PARTICIPANT_TAG_KEY, WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE, WorkshopConfig, workshopNames } from '../../lib/config/workshop-config';

const STACK_NAME_TAG = 'aws:cloudformation:stack-name';

export function isOwn(config: WorkshopConfig, tags: readonly Tag[] | undefined): boolean {
  const tag = (key: string) => tags?.find((t) => t.Key === key)?.Value;
  if (tag(STACK_NAME_TAG) === workshopNames(config).stack) return true;
  return tag(WORKSHOP_TAG_KEY) === WORKSHOP_TAG_VALUE && tag(PARTICIPANT_TAG_KEY) === config.participantName;
}

/** "3 allocated" + " (2 the app's own)" when some are. */
export const ownNote = (own: number) => (own > 0 ? ` (${own} the app's own, counted as its own)` : '');
