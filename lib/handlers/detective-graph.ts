/**
 * Custom resource: the account's Amazon Detective behavior graph. An account administers at most
 * one graph per region: an existing one (ListGraphs) is adopted and left on Delete; otherwise one
 * is created (CreateGraph) and deleted on Delete.
 *
 * Properties: none
 * PhysicalResourceId: 'created:<graphArn>' | 'adopted:<graphArn>'
 * Data: { GraphArn, Adopted: 'true' | 'false' }
 */
import { CreateGraphCommand, DeleteGraphCommand, DetectiveClient, ListGraphsCommand } from '@aws-sdk/client-detective';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, isAwsError, lambdaHandler, OnEventResult } from './custom-resource';

export interface DetectiveGraphClients {
  detective: DetectiveClient;
}

const result = (kind: 'created' | 'adopted', arn: string): OnEventResult => ({
  PhysicalResourceId: `${kind}:${arn}`,
  Data: { GraphArn: arn, Adopted: String(kind === 'adopted') },
});

export async function onEvent(
  event: CustomResourceEvent<Record<string, never>>,
  clients: DetectiveGraphClients = { detective: new DetectiveClient(clientConfig()) },
): Promise<OnEventResult> {
  const { detective } = clients;
  const physicalId = event.PhysicalResourceId ?? event.LogicalResourceId;
  const sep = physicalId.indexOf(':');
  const [kind, arn] = [physicalId.slice(0, sep), physicalId.slice(sep + 1)];
  if (event.RequestType === 'Create') {
    const list = await call('Detective ListGraphs', detective.send(new ListGraphsCommand({})));
    const existing = list.GraphList?.[0]?.Arn;
    if (existing) return result('adopted', existing);
    const out = await call('Detective CreateGraph', detective.send(new CreateGraphCommand({})));
    if (!out.GraphArn) throw new Error('Detective CreateGraph returned no GraphArn');
    return result('created', out.GraphArn);
  }
  if ((kind !== 'created' && kind !== 'adopted') || !arn) {
    if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalId }; // rollback of a failed Create
    throw new Error(`Unexpected PhysicalResourceId '${physicalId}' for a Detective behavior graph`);
  }
  if (event.RequestType === 'Update') return result(kind, arn);
  if (kind === 'created') {
    try {
      await call('Detective DeleteGraph', detective.send(new DeleteGraphCommand({ GraphArn: arn })));
    } catch (e) {
      if (!isAwsError(e, 'ResourceNotFoundException')) throw e; // gone already: done
    }
  }
  return { PhysicalResourceId: physicalId };
}

export const handler = lambdaHandler(onEvent);
