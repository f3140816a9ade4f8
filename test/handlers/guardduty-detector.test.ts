import {
  CreateDetectorCommand,
  DeleteDetectorCommand,
  EnableOrganizationAdminAccountCommand,
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
} from '@aws-sdk/client-guardduty';
import { Emulator } from '../../scripts/emulator/emulator';
import { clientConfig } from '../../lib/aws/clients';
import { onEvent } from '../../lib/handlers/guardduty-detector';
import { cfnEvent, emulator } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let guardduty: GuardDutyClient;
const list = async () => (await guardduty.send(new ListDetectorsCommand({}))).DetectorIds ?? [];

beforeAll(async () => {
  emu = await emulator();
  guardduty = new GuardDutyClient(clientConfig({ env: emu.env }));
});
afterAll(() => emu?.stop());

test('creates a detector when none exists, keeps it on Update, deletes it on Delete', async () => {
  expect(await list()).toEqual([]);
  const created = await onEvent(cfnEvent('Create', { FindingPublishingFrequency: 'FIFTEEN_MINUTES' }), { guardduty });
  const id = created.Data!.DetectorId;
  expect(created).toEqual({ PhysicalResourceId: `created:${id}`, Data: { DetectorId: id, Adopted: 'false', EnabledByStack: 'false' } });
  expect(await list()).toEqual([id]);
  const detector = await guardduty.send(new GetDetectorCommand({ DetectorId: id }));
  expect(detector.Status).toBe('ENABLED');
  expect(detector.FindingPublishingFrequency).toBe('FIFTEEN_MINUTES');

  const updated = await onEvent(
    cfnEvent('Update', { FindingPublishingFrequency: 'FIFTEEN_MINUTES' }, { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: {} }),
    { guardduty },
  );
  expect(updated).toEqual(created);
  expect(await list()).toEqual([id]);

  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: created.PhysicalResourceId }), { guardduty });
  expect(await list()).toEqual([]);
  // Deleting again (detector already gone) counts as done.
  await expect(onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: created.PhysicalResourceId }), { guardduty })).resolves.toEqual({
    PhysicalResourceId: created.PhysicalResourceId,
  });
});

test('adopts an existing detector instead of creating a second one, and leaves it on Delete', async () => {
  const existing = (await guardduty.send(new CreateDetectorCommand({ Enable: true }))).DetectorId!;
  const adopted = await onEvent(cfnEvent('Create', {}), { guardduty });
  expect(adopted).toEqual({ PhysicalResourceId: `adopted:${existing}`, Data: { DetectorId: existing, Adopted: 'true', EnabledByStack: 'false' } });
  expect(await list()).toEqual([existing]);

  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: adopted.PhysicalResourceId }), { guardduty });
  expect(await list()).toEqual([existing]);
  expect((await guardduty.send(new GetDetectorCommand({ DetectorId: existing }))).Status).toBe('ENABLED');
  await guardduty.send(new DeleteDetectorCommand({ DetectorId: existing }));
});

const status = async (id: string) => (await guardduty.send(new GetDetectorCommand({ DetectorId: id }))).Status;

test('adopts a disabled detector by enabling it, and returns it to disabled on Delete', async () => {
  const existing = (await guardduty.send(new CreateDetectorCommand({ Enable: false }))).DetectorId!;
  expect(await status(existing)).toBe('DISABLED');
  const adopted = await onEvent(cfnEvent('Create', {}), { guardduty });
  expect(adopted).toEqual({ PhysicalResourceId: `enabled:${existing}`, Data: { DetectorId: existing, Adopted: 'true', EnabledByStack: 'true' } });
  expect(await status(existing)).toBe('ENABLED');

  const updated = await onEvent(cfnEvent('Update', {}, { PhysicalResourceId: adopted.PhysicalResourceId, OldResourceProperties: {} }), { guardduty });
  expect(updated).toEqual(adopted);

  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: adopted.PhysicalResourceId }), { guardduty });
  expect(await list()).toEqual([existing]);
  expect(await status(existing)).toBe('DISABLED');
  await guardduty.send(new DeleteDetectorCommand({ DetectorId: existing }));
});

test('the rollback Delete after a failed Create (PhysicalResourceId = LogicalResourceId) touches nothing', async () => {
  const existing = (await guardduty.send(new CreateDetectorCommand({ Enable: true }))).DetectorId!;
  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: 'Resource' }), { guardduty });
  expect(await list()).toEqual([existing]);
  await guardduty.send(new DeleteDetectorCommand({ DetectorId: existing }));
});

test('a failing call names the operation and the AWS error', async () => {
  const unreachable = new GuardDutyClient({ ...clientConfig({ env: { ...emu.env, AWS_ENDPOINT_URL: 'http://localhost:1' } }), maxAttempts: 1 });
  await expect(onEvent(cfnEvent('Create', {}), { guardduty: unreachable })).rejects.toThrow(/^GuardDuty ListDetectors failed: .*ECONNREFUSED/);
});

test('Delete treats AWS\'s answer for a detector already gone as done, and reports other errors', async () => {
  // Real GuardDuty answers DeleteDetector for an unknown id with this error (moto 5.2.1 answers 200).
  const gone = Object.assign(new Error('The request is rejected because the input detectorId is not owned by the current account.'), {
    name: 'BadRequestException',
  });
  // GetAdministratorAccount answers "no administrator"; DeleteDetector fails with the given error.
  const stub = (error: Error) => ({
    send: (command: object) => (command instanceof DeleteDetectorCommand ? Promise.reject(error) : Promise.resolve({})),
  }) as unknown as GuardDutyClient;
  const del = cfnEvent('Delete', {}, { PhysicalResourceId: 'created:abc' });
  await expect(onEvent(del, { guardduty: stub(gone) })).resolves.toEqual({ PhysicalResourceId: 'created:abc' });
  const denied = Object.assign(new Error('not authorized to perform: guardduty:DeleteDetector'), { name: 'AccessDeniedException' });
  await expect(onEvent(del, { guardduty: stub(denied) })).rejects.toThrow(
    'GuardDuty DeleteDetector failed: AccessDeniedException: not authorized to perform: guardduty:DeleteDetector',
  );
});

// Last: moto keeps the administrator account for the rest of the file.
test('leaves a detector it created when an administrator account manages it (a member cannot delete it)', async () => {
  const created = await onEvent(cfnEvent('Create', {}), { guardduty });
  const id = created.Data!.DetectorId;
  // moto answers GetAdministratorAccount with the account its EnableOrganizationAdminAccount named.
  await guardduty.send(new EnableOrganizationAdminAccountCommand({ AdminAccountId: '210987654321' }));
  const logs = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: created.PhysicalResourceId }), { guardduty });
    expect(logs.mock.calls.flat().join('\n')).toContain(`GuardDuty detector ${id} is managed by administrator account 210987654321`);
  } finally {
    logs.mockRestore();
  }
  expect(await list()).toEqual([id]);
  expect(await status(id)).toBe('ENABLED');
  await guardduty.send(new DeleteDetectorCommand({ DetectorId: id }));
});
