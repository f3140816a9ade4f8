/**
 * Custom resource: the region's GuardDuty detector. Only one detector may exist per
 * account and region, so an existing one is adopted in whatever state it is: a disabled
 * one is enabled (and returned to disabled on Delete); otherwise one is created (and
 * deleted on Delete). A detector under an organization's administrator account is left
 * as it is on Delete: a member account cannot delete or suspend it.
 *
 * Properties: { FindingPublishingFrequency?: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS' } (used on create only)
 * PhysicalResourceId: 'created:<detectorId>' | 'adopted:<detectorId>' | 'enabled:<detectorId>'
 *   (enabled = adopted while disabled, and enabled by the stack)
 * Data: { DetectorId, Adopted: 'true' | 'false', EnabledByStack: 'true' | 'false' }
 */
import {
  CreateDetectorCommand,
  DeleteDetectorCommand,
  GetAdministratorAccountCommand,
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  UpdateDetectorCommand,
} from '@aws-sdk/client-guardduty';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, isAwsError, lambdaHandler, OnEventResult } from './custom-resource';

export interface GuardDutyDetectorProps {
  FindingPublishingFrequency?: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS';
}

export interface GuardDutyDetectorClients {
  guardduty: GuardDutyClient;
}

type Kind = 'created' | 'adopted' | 'enabled';
const KINDS: readonly string[] = ['created', 'adopted', 'enabled'];

const result = (kind: Kind, id: string): OnEventResult => ({
  PhysicalResourceId: `${kind}:${id}`,
  Data: { DetectorId: id, Adopted: String(kind !== 'created'), EnabledByStack: String(kind === 'enabled') },
});

/** AWS's answers for a detector that no longer exists (a destroy after someone deleted it by hand). */
function isGone(e: unknown): boolean {
  // AWS answers BadRequestException "...detectorId is not owned by the current account."
  return isAwsError(e, 'BadRequestException', 'InvalidInputException', 'ResourceNotFoundException')
    && /not owned|not found|does not exist/i.test((e as Error).message);
}

/** The administrator account a detector answers to, if any (a member cannot delete or suspend its detector). */
async function administrator(gd: GuardDutyClient, id: string): Promise<string | undefined> {
  const out = await call('GuardDuty GetAdministratorAccount', gd.send(new GetAdministratorAccountCommand({ DetectorId: id })));
  return out.Administrator?.AccountId;
}

async function adoptOrCreate(gd: GuardDutyClient, props: GuardDutyDetectorProps): Promise<OnEventResult> {
  const list = await call('GuardDuty ListDetectors', gd.send(new ListDetectorsCommand({})));
  const existing = list.DetectorIds?.[0];
  if (existing) {
    const detector = await call('GuardDuty GetDetector', gd.send(new GetDetectorCommand({ DetectorId: existing })));
    if (detector.Status === 'ENABLED') return result('adopted', existing);
    await call('GuardDuty UpdateDetector', gd.send(new UpdateDetectorCommand({ DetectorId: existing, Enable: true })));
    console.log(`GuardDuty detector ${existing} was ${detector.Status}: enabled it; Delete returns it to disabled`);
    return result('enabled', existing);
  }
  const created = await call(
    'GuardDuty CreateDetector',
    gd.send(new CreateDetectorCommand({ Enable: true, FindingPublishingFrequency: props.FindingPublishingFrequency })),
  );
  if (!created.DetectorId) throw new Error('GuardDuty CreateDetector returned no DetectorId');
  return result('created', created.DetectorId);
}

/** Undoes what Create did: deletes a created detector, disables one it enabled; leaves one under an administrator. */
async function undo(gd: GuardDutyClient, kind: Kind, id: string): Promise<void> {
  try {
    const admin = await administrator(gd, id);
    if (admin) {
      console.log(`GuardDuty detector ${id} is managed by administrator account ${admin}: left as it is (a member cannot ${kind === 'created' ? 'delete' : 'disable'} it)`);
      return;
    }
    if (kind === 'created') await call('GuardDuty DeleteDetector', gd.send(new DeleteDetectorCommand({ DetectorId: id })));
    else await call('GuardDuty UpdateDetector', gd.send(new UpdateDetectorCommand({ DetectorId: id, Enable: false })));
  } catch (e) {
    if (!isGone(e)) throw e;
  }
}

export async function onEvent(
  event: CustomResourceEvent<GuardDutyDetectorProps>,
  clients: GuardDutyDetectorClients = { guardduty: new GuardDutyClient(clientConfig()) },
): Promise<OnEventResult> {
  const gd = clients.guardduty;
  const [kind, id] = (event.PhysicalResourceId ?? '').split(':') as [Kind, string | undefined];
  if (event.RequestType === 'Create') return adoptOrCreate(gd, event.ResourceProperties);
  if (event.RequestType === 'Update') {
    if (!KINDS.includes(kind) || !id) {
      throw new Error(`Unexpected PhysicalResourceId '${event.PhysicalResourceId}' for a GuardDuty detector`);
    }
    return result(kind, id);
  }
  // Delete: only what this stack did; a detector already gone counts as done.
  if ((kind === 'created' || kind === 'enabled') && id) await undo(gd, kind, id);
  return { PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
}

export const handler = lambdaHandler(onEvent);
