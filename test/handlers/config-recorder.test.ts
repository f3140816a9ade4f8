import {
  ConfigServiceClient,
  DeleteConfigurationRecorderCommand,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  PutConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { clientConfig } from '../../lib/aws/clients';
import { onEvent } from '../../lib/handlers/config-recorder';
import { Emulator } from '../../scripts/emulator/emulator';
import { cfnEvent, emulator } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let clients: { config: ConfigServiceClient; iam: IAMClient };
const ROLE = 'arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig';
const PROPS = { RecorderName: 'SecurityWorkshop-recorder', RoleArn: ROLE, BucketName: 'config-bucket', RecordingFrequency: 'DAILY' };
const recorders = async () => (await clients.config.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders ?? [];
const channels = async () => (await clients.config.send(new DescribeDeliveryChannelsCommand({}))).DeliveryChannels ?? [];

beforeAll(async () => {
  emu = await emulator();
  clients = { config: new ConfigServiceClient(clientConfig({ env: emu.env })), iam: new IAMClient(clientConfig({ env: emu.env })) };
  await new S3Client(clientConfig({ env: emu.env, s3: true })).send(new CreateBucketCommand({ Bucket: 'config-bucket' }));
});
afterAll(() => emu?.stop());

test('creates the service-linked role, recorder and channel and starts recording; a second Create adopts; Delete removes only what was created', async () => {
  expect(await recorders()).toEqual([]);
  const created = await onEvent(cfnEvent('Create', PROPS), clients);
  expect(created).toEqual({ PhysicalResourceId: 'created:SecurityWorkshop-recorder', Data: { RecorderName: 'SecurityWorkshop-recorder', Adopted: 'false' } });
  const role = await clients.iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForConfig' }));
  expect(role.Role?.Arn).toBe(ROLE);
  const [recorder] = await recorders();
  expect(recorder).toMatchObject({ name: 'SecurityWorkshop-recorder', roleARN: ROLE, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } });
  expect((await channels()).map((c) => [c.name, c.s3BucketName])).toEqual([['SecurityWorkshop-recorder', 'config-bucket']]);
  const status = await clients.config.send(new DescribeConfigurationRecorderStatusCommand({}));
  expect(status.ConfigurationRecordersStatus?.[0]?.recording).toBe(true);

  const again = await onEvent(cfnEvent('Create', PROPS), clients);
  expect(again).toEqual({ PhysicalResourceId: 'adopted:SecurityWorkshop-recorder', Data: { RecorderName: 'SecurityWorkshop-recorder', Adopted: 'true' } });
  await onEvent(cfnEvent('Delete', PROPS, { PhysicalResourceId: again.PhysicalResourceId }), clients);
  expect(await recorders()).toHaveLength(1);

  await onEvent(cfnEvent('Delete', PROPS, { PhysicalResourceId: created.PhysicalResourceId }), clients);
  expect(await recorders()).toEqual([]);
  expect(await channels()).toEqual([]);
  // Gone already: done.
  await expect(onEvent(cfnEvent('Delete', PROPS, { PhysicalResourceId: created.PhysicalResourceId }), clients)).resolves.toEqual({
    PhysicalResourceId: created.PhysicalResourceId,
  });
});

test('a recorder that existed before survives Delete, as does the rollback Delete after a failed Create', async () => {
  await clients.config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: ROLE } }));
  const adopted = await onEvent(cfnEvent('Create', PROPS), clients);
  expect(adopted.PhysicalResourceId).toBe('adopted:default');
  await onEvent(cfnEvent('Delete', PROPS, { PhysicalResourceId: adopted.PhysicalResourceId }), clients);
  await onEvent(cfnEvent('Delete', PROPS, { PhysicalResourceId: 'Resource' }), clients);
  expect((await recorders()).map((r) => r.name)).toEqual(['default']);
  await clients.config.send(new DeleteConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
});

test('a Create that fails after putting the recorder removes it again (its rollback Delete cannot tell)', async () => {
  // AWS Config refuses a delivery channel without a bucket (moto: NoSuchBucketException).
  await expect(onEvent(cfnEvent('Create', { ...PROPS, BucketName: '' }), clients)).rejects.toThrow(/^Config PutDeliveryChannel failed: NoSuchBucketException/);
  expect(await recorders()).toEqual([]);
  expect(await channels()).toEqual([]);
});
