import { CreateGraphCommand, DeleteGraphCommand, DetectiveClient, ListGraphsCommand } from '@aws-sdk/client-detective';
import { clientConfig } from '../../lib/aws/clients';
import { onEvent } from '../../lib/handlers/detective-graph';
import { Emulator } from '../../scripts/emulator/emulator';
import { cfnEvent, emulator } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let detective: DetectiveClient;
const graphs = async () => ((await detective.send(new ListGraphsCommand({}))).GraphList ?? []).map((g) => g.Arn);
const ARN = /^arn:aws:detective:us-east-1:123456789012:graph:[0-9a-f]{32}$/;

beforeAll(async () => {
  emu = await emulator();
  detective = new DetectiveClient(clientConfig({ env: emu.env }));
});
afterAll(() => emu?.stop());

test('creates a graph when none exists; a second Create adopts it; Delete removes only the created one', async () => {
  expect(await graphs()).toEqual([]);
  const created = await onEvent(cfnEvent('Create', {}), { detective });
  const arn = created.Data!.GraphArn;
  expect(arn).toMatch(ARN);
  expect(created).toEqual({ PhysicalResourceId: `created:${arn}`, Data: { GraphArn: arn, Adopted: 'false' } });
  expect(await graphs()).toEqual([arn]);

  const again = await onEvent(cfnEvent('Create', {}), { detective });
  expect(again).toEqual({ PhysicalResourceId: `adopted:${arn}`, Data: { GraphArn: arn, Adopted: 'true' } });
  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: again.PhysicalResourceId }), { detective });
  expect(await graphs()).toEqual([arn]);

  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: created.PhysicalResourceId }), { detective });
  expect(await graphs()).toEqual([]);
  // Gone already: done.
  await expect(onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: created.PhysicalResourceId }), { detective })).resolves.toEqual({
    PhysicalResourceId: created.PhysicalResourceId,
  });
});

test('a graph that existed before survives Delete, as does the rollback Delete after a failed Create', async () => {
  const existing = (await detective.send(new CreateGraphCommand({}))).GraphArn!;
  const adopted = await onEvent(cfnEvent('Create', {}), { detective });
  expect(adopted.PhysicalResourceId).toBe(`adopted:${existing}`);
  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: adopted.PhysicalResourceId }), { detective });
  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: 'Resource' }), { detective });
  expect(await graphs()).toEqual([existing]);
  await detective.send(new DeleteGraphCommand({ GraphArn: existing }));
});

test('emulator as AWS: a second CreateGraph is a ConflictException, an unknown graph a ResourceNotFoundException', async () => {
  const arn = (await detective.send(new CreateGraphCommand({}))).GraphArn!;
  await expect(detective.send(new CreateGraphCommand({}))).rejects.toMatchObject({ name: 'ConflictException' });
  await detective.send(new DeleteGraphCommand({ GraphArn: arn }));
  await expect(detective.send(new DeleteGraphCommand({ GraphArn: arn }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
});
