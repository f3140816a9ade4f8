/**
 * Custom resource: the AMI ids the workshop's instances launch from, resolved from AWS's public SSM
 * parameters once per image set and then kept, so that a redeploy does not replace an instance
 * because AWS published a newer image. The organiser asks for newer images by changing the
 * imageSet setting (ImageSet here): only then are the parameters read again.
 *
 * Properties: { ImageSet: label of the image set, Parameters: { <key>: <SSM parameter name> } }
 * PhysicalResourceId: 'pinned-images:<ImageSet>:<base64url of the JSON { <key>: <ami id> }>'
 *   (the ids live in the physical id, so an Update keeps them without storage of its own)
 * Data: { <key>: <ami id>, ImageSet }
 */
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, lambdaHandler, OnEventResult } from './custom-resource';

export interface PinnedImagesProperties {
  ImageSet: string;
  Parameters: Record<string, string>;
}

export interface PinnedImagesClients {
  ssm: SSMClient;
}

const PREFIX = 'pinned-images:';

/** The image set and ids a physical id holds, or undefined for another kind of id. */
export function pinnedOf(physicalId: string | undefined): { imageSet: string; ids: Record<string, string> } | undefined {
  if (!physicalId?.startsWith(PREFIX)) return undefined;
  const rest = physicalId.slice(PREFIX.length);
  const sep = rest.lastIndexOf(':');
  try {
    return { imageSet: rest.slice(0, sep), ids: JSON.parse(Buffer.from(rest.slice(sep + 1), 'base64url').toString()) };
  } catch {
    return undefined;
  }
}

async function resolve(ssm: SSMClient, names: string[]): Promise<Record<string, string>> {
  if (!names.length) return {};
  const out = await call('SSM GetParameters', ssm.send(new GetParametersCommand({ Names: names })));
  if (out.InvalidParameters?.length) throw new Error(`SSM GetParameters: no parameter ${out.InvalidParameters.join(', ')} in this region`);
  const byName = Object.fromEntries((out.Parameters ?? []).map((p) => [p.Name, p.Value]));
  for (const n of names) if (!byName[n]?.startsWith('ami-')) throw new Error(`SSM parameter ${n} gives no AMI id (${JSON.stringify(byName[n])})`);
  return byName as Record<string, string>;
}

export async function onEvent(
  event: CustomResourceEvent<PinnedImagesProperties>,
  clients: PinnedImagesClients = { ssm: new SSMClient(clientConfig()) },
): Promise<OnEventResult> {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
  const { ImageSet: imageSet, Parameters: parameters } = event.ResourceProperties;
  if (!imageSet || !parameters || !Object.keys(parameters).length) throw new Error('Properties ImageSet and Parameters are required');

  // Same image set: keep each id whose parameter is unchanged; read only new or changed ones.
  const pinned = event.RequestType === 'Update' ? pinnedOf(event.PhysicalResourceId) : undefined;
  const old = event.OldResourceProperties?.Parameters ?? {};
  const keep = (key: string) => pinned?.imageSet === imageSet && old[key] === parameters[key] && pinned.ids[key] !== undefined;
  const toRead = Object.keys(parameters).filter((k) => !keep(k));
  const read = await resolve(clients.ssm, [...new Set(toRead.map((k) => parameters[k]))]);
  const ids = Object.fromEntries(Object.keys(parameters).sort().map((k) => [k, keep(k) ? pinned!.ids[k] : read[parameters[k]]]));
  return {
    PhysicalResourceId: `${PREFIX}${imageSet}:${Buffer.from(JSON.stringify(ids)).toString('base64url')}`,
    Data: { ...ids, ImageSet: imageSet },
  };
}

export const handler = lambdaHandler(onEvent);
