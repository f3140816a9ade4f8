/**
 * Custom resource: the region's AWS Config recorder and delivery channel. An account has at most
 * one recorder per region: an existing one is adopted and left as found (with its channel) on
 * Delete. Otherwise Config's service-linked role is made sure of, the recorder (all supported
 * resource types, global ones included) and a delivery channel to `BucketName` are put, and
 * recording started; Delete stops it and deletes channel and recorder.
 *
 * Properties: { RecorderName, RoleArn, BucketName, RecordingFrequency: 'CONTINUOUS' | 'DAILY' } (used on Create only)
 * PhysicalResourceId: 'created:<recorderName>' | 'adopted:<recorderName>'
 * Data: { RecorderName, Adopted: 'true' | 'false' }
 */
import {
  ConfigServiceClient,
  DeleteConfigurationRecorderCommand,
  DeleteDeliveryChannelCommand,
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  RecordingFrequency,
  StartConfigurationRecorderCommand,
  StopConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { CreateServiceLinkedRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, isAwsError, lambdaHandler, OnEventResult } from './custom-resource';

export interface ConfigRecorderProps {
  RecorderName: string;
  RoleArn: string;
  BucketName: string;
  RecordingFrequency: RecordingFrequency;
}

export interface ConfigRecorderClients {
  config: ConfigServiceClient;
  iam: IAMClient;
}

export const CONFIG_SERVICE = 'config.amazonaws.com';

const result = (kind: 'created' | 'adopted', name: string): OnEventResult => ({
  PhysicalResourceId: `${kind}:${name}`,
  Data: { RecorderName: name, Adopted: String(kind === 'adopted') },
});

/** Stops the recorder and deletes its channel (the one of the same name) and it; what is gone already counts as deleted. */
async function removeRecorder(config: ConfigServiceClient, name: string): Promise<void> {
  const gone = (e: unknown) => isAwsError(e, 'NoSuchConfigurationRecorderException', 'NoSuchDeliveryChannelException');
  try {
    await call('Config StopConfigurationRecorder', config.send(new StopConfigurationRecorderCommand({ ConfigurationRecorderName: name })));
  } catch (e) {
    if (!gone(e)) throw e;
  }
  const channels = await call('Config DescribeDeliveryChannels', config.send(new DescribeDeliveryChannelsCommand({})));
  // The channel this stack put has the recorder's name; another one is not ours.
  if (channels.DeliveryChannels?.some((c) => c.name === name)) {
    await call('Config DeleteDeliveryChannel', config.send(new DeleteDeliveryChannelCommand({ DeliveryChannelName: name })));
  }
  try {
    await call('Config DeleteConfigurationRecorder', config.send(new DeleteConfigurationRecorderCommand({ ConfigurationRecorderName: name })));
  } catch (e) {
    if (!gone(e)) throw e;
  }
}

export async function onEvent(
  event: CustomResourceEvent<ConfigRecorderProps>,
  clients: ConfigRecorderClients = { config: new ConfigServiceClient(clientConfig()), iam: new IAMClient(clientConfig()) },
): Promise<OnEventResult> {
  const { config, iam } = clients;
  const physicalId = event.PhysicalResourceId ?? event.LogicalResourceId;
  const sep = physicalId.indexOf(':');
  const [kind, name] = [physicalId.slice(0, sep), physicalId.slice(sep + 1)];
  if (event.RequestType === 'Create') {
    const p = event.ResourceProperties;
    const recorders = await call('Config DescribeConfigurationRecorders', config.send(new DescribeConfigurationRecordersCommand({})));
    const existing = recorders.ConfigurationRecorders?.[0]?.name;
    if (existing) return result('adopted', existing);
    try {
      await call('IAM CreateServiceLinkedRole', iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: CONFIG_SERVICE })));
    } catch (e) {
      // AWS: InvalidInput "Service role name AWSServiceRoleForConfig has been taken in this account".
      if (!isAwsError(e, 'InvalidInputException', 'InvalidInput') || !/taken|exists/i.test((e as Error).message)) throw e;
    }
    await call(
      'Config PutConfigurationRecorder',
      config.send(new PutConfigurationRecorderCommand({
        ConfigurationRecorder: {
          name: p.RecorderName,
          roleARN: p.RoleArn,
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
          recordingMode: { recordingFrequency: p.RecordingFrequency },
        },
      })),
    );
    try {
      await call(
        'Config PutDeliveryChannel',
        config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: p.RecorderName, s3BucketName: p.BucketName } })),
      );
      await call('Config StartConfigurationRecorder', config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: p.RecorderName })));
    } catch (e) {
      // The failed Create's rollback Delete cannot tell that this recorder is the app's: remove it now.
      await removeRecorder(config, p.RecorderName).catch(() => undefined);
      throw e;
    }
    return result('created', p.RecorderName);
  }
  if ((kind !== 'created' && kind !== 'adopted') || !name) {
    if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalId }; // rollback of a failed Create
    throw new Error(`Unexpected PhysicalResourceId '${physicalId}' for a Config recorder`);
  }
  if (event.RequestType === 'Update') return result(kind, name);
  if (kind === 'created') await removeRecorder(config, name);
  return { PhysicalResourceId: physicalId };
}

export const handler = lambdaHandler(onEvent);
