import { BatchGetAccountStatusCommand, EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { STSClient } from '@aws-sdk/client-sts';
import { Emulator } from '../../scripts/emulator/emulator';
import { clientConfig } from '../../lib/aws/clients';
import { onEvent } from '../../lib/handlers/inspector-ec2-scanning';
import { ACCOUNT, cfnEvent, emulator } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let clients: { inspector2: Inspector2Client; sts: STSClient };

async function ec2Status(): Promise<string | undefined> {
  const out = await clients.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: [ACCOUNT] }));
  // An account Inspector has never seen counts as DISABLED (moto omits it).
  return out.accounts?.find((a) => a.accountId === ACCOUNT)?.resourceState?.ec2?.status ?? 'DISABLED';
}

beforeAll(async () => {
  emu = await emulator();
  clients = { inspector2: new Inspector2Client(clientConfig({ env: emu.env })), sts: new STSClient(clientConfig({ env: emu.env })) };
});
afterAll(() => emu?.stop());

test('enables EC2 scanning when disabled, and Delete disables what it enabled', async () => {
  expect(await ec2Status()).toBe('DISABLED');
  const created = await onEvent(cfnEvent('Create', {}), clients);
  expect(created).toEqual({ PhysicalResourceId: 'inspector2-ec2:enabled-by-stack', Data: { EnabledByStack: 'true' } });
  expect(await ec2Status()).toBe('ENABLED');

  expect(await onEvent(cfnEvent('Update', {}, { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: {} }), clients)).toEqual(created);
  expect(await ec2Status()).toBe('ENABLED');

  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: created.PhysicalResourceId }), clients);
  expect(await ec2Status()).toBe('DISABLED');
});

test('leaves EC2 scanning that was enabled before the stack enabled on Delete', async () => {
  await clients.inspector2.send(new EnableCommand({ accountIds: [ACCOUNT], resourceTypes: ['EC2'] }));
  const created = await onEvent(cfnEvent('Create', {}), clients);
  expect(created).toEqual({ PhysicalResourceId: 'inspector2-ec2:preexisting', Data: { EnabledByStack: 'false' } });

  expect(await onEvent(cfnEvent('Update', {}, { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: {} }), clients)).toEqual(created);
  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: created.PhysicalResourceId }), clients);
  expect(await ec2Status()).toBe('ENABLED');
  // The rollback Delete after a failed Create does nothing either.
  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: 'Resource' }), clients);
  expect(await ec2Status()).toBe('ENABLED');
});
