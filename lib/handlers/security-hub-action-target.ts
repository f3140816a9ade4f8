/**
 * Custom resource: a Security Hub custom action (action target), which CloudFormation has no type
 * for. One with the same Id that exists already (DescribeActionTargets) is adopted and left on
 * Delete; otherwise it is created (CreateActionTarget) and deleted on Delete.
 *
 * Properties: { Id, Name, Description } (Id: up to 20 alphanumerics; used on Create only)
 * PhysicalResourceId: 'created:<actionTargetArn>' | 'adopted:<actionTargetArn>'
 * Data: { ActionTargetArn, Adopted: 'true' | 'false' }
 */
import {
  CreateActionTargetCommand,
  DeleteActionTargetCommand,
  DescribeActionTargetsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, isAwsError, lambdaHandler, OnEventResult } from './custom-resource';

export interface SecurityHubActionTargetProps {
  Id: string;
  Name: string;
  Description: string;
}

export interface SecurityHubActionTargetClients {
  securityhub: SecurityHubClient;
}

const result = (kind: 'created' | 'adopted', arn: string): OnEventResult => ({
  PhysicalResourceId: `${kind}:${arn}`,
  Data: { ActionTargetArn: arn, Adopted: String(kind === 'adopted') },
});

/** The ARN of the custom action with this Id, if the hub has one. */
export async function findActionTarget(sh: SecurityHubClient, id: string): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const out = await call('SecurityHub DescribeActionTargets', sh.send(new DescribeActionTargetsCommand({ NextToken })));
    const found = out.ActionTargets?.find((t) => t.ActionTargetArn?.endsWith(`:action/custom/${id}`));
    if (found) return found.ActionTargetArn;
    NextToken = out.NextToken;
  } while (NextToken);
  return undefined;
}

export async function onEvent(
  event: CustomResourceEvent<SecurityHubActionTargetProps>,
  clients: SecurityHubActionTargetClients = { securityhub: new SecurityHubClient(clientConfig()) },
): Promise<OnEventResult> {
  const sh = clients.securityhub;
  const physicalId = event.PhysicalResourceId ?? event.LogicalResourceId;
  const sep = physicalId.indexOf(':');
  const [kind, arn] = [physicalId.slice(0, sep), physicalId.slice(sep + 1)];
  if (event.RequestType === 'Create') {
    const { Id, Name, Description } = event.ResourceProperties;
    const existing = await findActionTarget(sh, Id);
    if (existing) return result('adopted', existing);
    const out = await call('SecurityHub CreateActionTarget', sh.send(new CreateActionTargetCommand({ Id, Name, Description })));
    if (!out.ActionTargetArn) throw new Error('SecurityHub CreateActionTarget returned no ActionTargetArn');
    return result('created', out.ActionTargetArn);
  }
  if ((kind !== 'created' && kind !== 'adopted') || !arn) {
    if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalId }; // rollback of a failed Create
    throw new Error(`Unexpected PhysicalResourceId '${physicalId}' for a Security Hub custom action`);
  }
  if (event.RequestType === 'Update') return result(kind, arn);
  if (kind === 'created') {
    try {
      await call('SecurityHub DeleteActionTarget', sh.send(new DeleteActionTargetCommand({ ActionTargetArn: arn })));
    } catch (e) {
      // Gone already (or the hub with it): done.
      if (!isAwsError(e, 'ResourceNotFoundException', 'InvalidAccessException')) throw e;
    }
  }
  return { PhysicalResourceId: physicalId };
}

export const handler = lambdaHandler(onEvent);
