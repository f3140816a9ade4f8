import { CreateDetectorCommand, CreateSampleFindingsCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { Emulator } from '../../scripts/emulator/emulator';
import { clientConfig } from '../../lib/aws/clients';
import { onEvent } from '../../lib/handlers/guardduty-sample-findings';
import { cfnEvent, emulator } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let guardduty: GuardDutyClient;
let detectorId: string;
const NOT_OWNED = 'The request is rejected because the input detectorId is not owned by the current account.';

/** Records which CreateSampleFindings calls the handler makes (and still sends them to moto). */
function spy(client: GuardDutyClient): { client: GuardDutyClient; calls: unknown[] } {
  const calls: unknown[] = [];
  const wrapped = Object.create(client) as GuardDutyClient;
  wrapped.send = ((command: { input: unknown }) => {
    if (command instanceof CreateSampleFindingsCommand) calls.push(command.input);
    return client.send(command as CreateSampleFindingsCommand);
  }) as GuardDutyClient['send'];
  return { client: wrapped, calls };
}

beforeAll(async () => {
  emu = await emulator();
  guardduty = new GuardDutyClient(clientConfig({ env: emu.env }));
  detectorId = (await guardduty.send(new CreateDetectorCommand({ Enable: true }))).DetectorId!;
});
afterAll(() => emu?.stop());

test('the emulator patch answers CreateSampleFindings as AWS does', async () => {
  await expect(guardduty.send(new CreateSampleFindingsCommand({ DetectorId: detectorId }))).resolves.toBeDefined();
  await expect(
    guardduty.send(new CreateSampleFindingsCommand({ DetectorId: detectorId, FindingTypes: ['Recon:EC2/PortProbeUnprotectedPort'] })),
  ).resolves.toBeDefined();
  await expect(guardduty.send(new CreateSampleFindingsCommand({ DetectorId: 'a'.repeat(32) }))).rejects.toMatchObject({
    name: 'BadRequestException',
    message: NOT_OWNED,
    $metadata: { httpStatusCode: 400 },
  });
});

test('Create generates sample findings (all types when none are given)', async () => {
  const { client, calls } = spy(guardduty);
  expect(await onEvent(cfnEvent('Create', { DetectorId: detectorId }), { guardduty: client })).toEqual({
    PhysicalResourceId: `sample-findings:${detectorId}`,
  });
  expect(calls).toEqual([{ DetectorId: detectorId, FindingTypes: undefined }]);

  const types = ['Backdoor:EC2/C&CActivity.B!DNS', 'UnauthorizedAccess:EC2/SSHBruteForce'];
  await onEvent(cfnEvent('Create', { DetectorId: detectorId, FindingTypes: types }), { guardduty: client });
  expect(calls[1]).toEqual({ DetectorId: detectorId, FindingTypes: types });
});

test('Update generates findings again only when DetectorId changed; Delete does nothing', async () => {
  const { client, calls } = spy(guardduty);
  const physical = `sample-findings:${detectorId}`;
  expect(
    await onEvent(
      cfnEvent('Update', { DetectorId: detectorId, FindingTypes: ['Recon:EC2/Portscan'] }, { PhysicalResourceId: physical, OldResourceProperties: { DetectorId: detectorId } }),
      { guardduty: client },
    ),
  ).toEqual({ PhysicalResourceId: physical });
  expect(calls).toEqual([]);

  const other = (await guardduty.send(new CreateDetectorCommand({ Enable: true }))).DetectorId!; // moto allows a second one
  expect(
    await onEvent(cfnEvent('Update', { DetectorId: other }, { PhysicalResourceId: physical, OldResourceProperties: { DetectorId: detectorId } }), {
      guardduty: client,
    }),
  ).toEqual({ PhysicalResourceId: `sample-findings:${other}` });
  expect(calls).toEqual([{ DetectorId: other, FindingTypes: undefined }]);

  expect(await onEvent(cfnEvent('Delete', { DetectorId: other }, { PhysicalResourceId: physical }), { guardduty: client })).toEqual({
    PhysicalResourceId: physical,
  });
  expect(calls).toHaveLength(1);
});

test('a detector that is not ours fails with the AWS reason', async () => {
  await expect(onEvent(cfnEvent('Create', { DetectorId: 'b'.repeat(32) }), { guardduty })).rejects.toThrow(
    `GuardDuty CreateSampleFindings failed: BadRequestException: ${NOT_OWNED}`,
  );
  await expect(onEvent(cfnEvent('Create', {}), { guardduty })).rejects.toThrow('DetectorId is required');
});
