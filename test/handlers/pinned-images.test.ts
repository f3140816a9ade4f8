import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { clientConfig } from '../../lib/aws/clients';
import { onEvent, pinnedOf } from '../../lib/handlers/pinned-images';
import { AMI_PARAMETERS } from '../../lib/config/amis';
import { Emulator } from '../../scripts/emulator/emulator';
import { cfnEvent, emulator } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let ssm: SSMClient;
const put = (Name: string, Value: string) => ssm.send(new PutParameterCommand({ Name, Value, Type: 'String', Overwrite: true }));

beforeAll(async () => {
  emu = await emulator();
  ssm = new SSMClient(clientConfig({ env: emu.env }));
});
afterAll(() => emu?.stop());

test("Create reads AWS's public AMI parameters (as the emulator seeds them) into ids", async () => {
  const out = await onEvent(cfnEvent('Create', { ImageSet: 'initial', Parameters: { ...AMI_PARAMETERS } }), { ssm });
  expect(Object.keys(out.Data!).sort()).toEqual(['ImageSet', 'amazonLinux2023', 'ubuntuLts', 'windowsServer']);
  for (const key of Object.keys(AMI_PARAMETERS)) expect(out.Data![key]).toMatch(/^ami-[0-9a-f]+$/);
  expect(out.Data!.ImageSet).toBe('initial');
  expect(pinnedOf(out.PhysicalResourceId)).toEqual({ imageSet: 'initial', ids: { amazonLinux2023: out.Data!.amazonLinux2023, ubuntuLts: out.Data!.ubuntuLts, windowsServer: out.Data!.windowsServer } });
});

test('keeps the ids while the image set stays, even after AWS publishes newer images; a new image set reads them again', async () => {
  await put('/test/pinned/linux', 'ami-0000000000000000a');
  await put('/test/pinned/windows', 'ami-0000000000000000b');
  const props = { ImageSet: 'initial', Parameters: { linux: '/test/pinned/linux', windows: '/test/pinned/windows' } };
  const created = await onEvent(cfnEvent('Create', props), { ssm });
  expect(created.Data).toEqual({ linux: 'ami-0000000000000000a', windows: 'ami-0000000000000000b', ImageSet: 'initial' });

  // AWS publishes newer images.
  await put('/test/pinned/linux', 'ami-0000000000000000c');
  await put('/test/pinned/windows', 'ami-0000000000000000d');

  // An Update for another reason (another property changed): the same ids, the same physical id.
  const kept = await onEvent(
    cfnEvent('Update', { ...props, ServiceTimeout: '600' }, { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: props }),
    { ssm },
  );
  expect(kept).toEqual(created);

  // One parameter changed (e.g. a newer Ubuntu release): only that id is read again.
  const moved = { ...props, Parameters: { ...props.Parameters, windows: '/test/pinned/windows-next' } };
  await put('/test/pinned/windows-next', 'ami-0000000000000000e');
  const partly = await onEvent(cfnEvent('Update', moved, { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: props }), { ssm });
  expect(partly.Data).toEqual({ linux: 'ami-0000000000000000a', windows: 'ami-0000000000000000e', ImageSet: 'initial' });

  // The organiser bumps imageSet: every id read again, a new physical id.
  const bumped = { ...props, ImageSet: '2026-12-01' };
  const renewed = await onEvent(cfnEvent('Update', bumped, { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: props }), { ssm });
  expect(renewed.Data).toEqual({ linux: 'ami-0000000000000000c', windows: 'ami-0000000000000000d', ImageSet: '2026-12-01' });
  expect(renewed.PhysicalResourceId).not.toBe(created.PhysicalResourceId);

  // Delete touches nothing.
  expect(await onEvent(cfnEvent('Delete', bumped, { PhysicalResourceId: renewed.PhysicalResourceId }), { ssm })).toEqual({ PhysicalResourceId: renewed.PhysicalResourceId });
});

test('a missing parameter or one that is not an AMI id fails with the name', async () => {
  await expect(onEvent(cfnEvent('Create', { ImageSet: 'x', Parameters: { a: '/test/pinned/none' } }), { ssm })).rejects.toThrow(
    'SSM GetParameters: no parameter /test/pinned/none in this region',
  );
  await put('/test/pinned/text', 'hello');
  await expect(onEvent(cfnEvent('Create', { ImageSet: 'x', Parameters: { a: '/test/pinned/text' } }), { ssm })).rejects.toThrow(
    'SSM parameter /test/pinned/text gives no AMI id ("hello")',
  );
});
