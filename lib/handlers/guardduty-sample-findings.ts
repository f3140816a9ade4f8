/**
 * Custom resource: GuardDuty sample findings for the workshop. Generated on Create and on
 * an Update that changes DetectorId; Delete does nothing (sample findings cost nothing and
 * go with the detector).
 *
 * Properties: { DetectorId: string, FindingTypes?: string[] } (no types: one sample of every type)
 * PhysicalResourceId: 'sample-findings:<detectorId>'
 */
import { CreateSampleFindingsCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, lambdaHandler, OnEventResult } from './custom-resource';

export interface GuardDutySampleFindingsProps {
  DetectorId: string;
  FindingTypes?: string[];
}

export interface GuardDutySampleFindingsClients {
  guardduty: GuardDutyClient;
}

export async function onEvent(
  event: CustomResourceEvent<GuardDutySampleFindingsProps>,
  clients: GuardDutySampleFindingsClients = { guardduty: new GuardDutyClient(clientConfig()) },
): Promise<OnEventResult> {
  if (event.RequestType === 'Delete') {
    return { PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
  }
  const { DetectorId, FindingTypes } = event.ResourceProperties;
  if (!DetectorId) throw new Error('Property DetectorId is required');
  if (event.RequestType === 'Create' || event.OldResourceProperties?.DetectorId !== DetectorId) {
    await call(
      'GuardDuty CreateSampleFindings',
      clients.guardduty.send(new CreateSampleFindingsCommand({
        DetectorId,
        FindingTypes: FindingTypes?.length ? FindingTypes : undefined,
      })),
    );
  }
  return { PhysicalResourceId: `sample-findings:${DetectorId}` };
}

export const handler = lambdaHandler(onEvent);
