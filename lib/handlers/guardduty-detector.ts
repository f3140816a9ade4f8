/**
 * Custom resource: the region's GuardDuty detector. Only one detector may exist per
 * account and region, so an existing one is adopted (and survives Delete); otherwise one
 * is created (and deleted on Delete).
 *
 * Properties: { FindingPublishingFrequency?: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS' } (used on create only)
 * PhysicalResourceId: 'created:<detectorId>' | 'adopted:<detectorId>'
 * Data: { DetectorId, Adopted: 'true' | 'false' }
 */
import { CreateDetectorCommand, DeleteDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, isAwsError, lambdaHandler, OnEventResult } from './custom-resource';

export interface GuardDutyDetectorProps {
  FindingPublishingFrequency?: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS';
}

export interface GuardDutyDetectorClients {
  guardduty: GuardDutyClient;
}

const result = (kind: string, id: string): OnEventResult => ({
  PhysicalResourceId: `${kind}:${id}`,
  Data: { DetectorId: id, Adopted: String(kind === 'adopted') },
});

export async function onEvent(
  event: CustomResourceEvent<GuardDutyDetectorProps>,
  clients: GuardDutyDetectorClients = { guardduty: new GuardDutyClient(clientConfig()) },
): Promise<OnEventResult> {
  const gd = clients.guardduty;
  const [kind, id] = (event.PhysicalResourceId ?? '').split(':');
  if (event.RequestType === 'Create') {
    const list = await call('GuardDuty ListDetectors', gd.send(new ListDetectorsCommand({})));
    const existing = list.DetectorIds?.[0];
    if (existing) return result('adopted', existing);
    const created = await call(
      'GuardDuty CreateDetector',
      gd.send(new CreateDetectorCommand({
        Enable: true,
        FindingPublishingFrequency: event.ResourceProperties.FindingPublishingFrequency,
      })),
    );
    if (!created.DetectorId) throw new Error('GuardDuty CreateDetector returned no DetectorId');
    return result('created', created.DetectorId);
  }
  if (event.RequestType === 'Update') {
    if ((kind !== 'created' && kind !== 'adopted') || !id) {
      throw new Error(`Unexpected PhysicalResourceId '${event.PhysicalResourceId}' for a GuardDuty detector`);
    }
    return result(kind, id);
  }
  // Delete: only what this stack created; a detector already gone counts as deleted.
  if (kind === 'created' && id) {
    try {
      await call('GuardDuty DeleteDetector', gd.send(new DeleteDetectorCommand({ DetectorId: id })));
    } catch (e) {
      // AWS answers BadRequestException "...detectorId is not owned by the current account."
      if (!isAwsError(e, 'BadRequestException', 'InvalidInputException') || !/not owned|not found|does not exist/i.test((e as Error).message)) throw e;
    }
  }
  return { PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
}

export const handler = lambdaHandler(onEvent);
