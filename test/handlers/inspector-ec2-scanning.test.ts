import { BatchGetAccountStatusCommand, DisableCommand, EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
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

/**
 * The real emulator client, with AWS's asynchronous answers (which moto skips: it switches at once)
 * put in front: `transitional` BatchGetAccountStatus answers report the given status first, and the
 * first `inProgress` Enable/Disable calls fail with the given code, as AWS answers while an earlier
 * request is still running.
 */
function asynchronous(real: Inspector2Client, transitional: string[], inProgress: string[]): { client: Inspector2Client; calls: string[] } {
  const calls: string[] = [];
  const client = {
    send: async (command: { constructor: { name: string } }) => {
      const name = command.constructor.name.replace(/Command$/, '');
      calls.push(name);
      if (name === 'BatchGetAccountStatus' && transitional.length) {
        const status = transitional.shift();
        return { accounts: [{ accountId: ACCOUNT, resourceState: { ec2: { status } } }], failedAccounts: [] };
      }
      if ((name === 'Enable' || name === 'Disable') && inProgress.length) {
        return { accounts: [], failedAccounts: [{ accountId: ACCOUNT, errorCode: inProgress.shift(), errorMessage: 'in progress' }] };
      }
      return real.send(command as never);
    },
  } as unknown as Inspector2Client;
  return { client, calls };
}

const QUICK = { intervalMs: 10, timeoutMs: 5_000 };

test('waits for a steady status before acting and before answering (ENABLING, DISABLING, *_IN_PROGRESS)', async () => {
  await clients.inspector2.send(new DisableCommand({ accountIds: [ACCOUNT], resourceTypes: ['EC2'] }));
  // Create right after a destroy: still DISABLING; the first Enable meets DISABLE_IN_PROGRESS; then ENABLING.
  const create = asynchronous(clients.inspector2, ['DISABLING', 'DISABLING'], ['DISABLE_IN_PROGRESS']);
  const created = await onEvent(cfnEvent('Create', {}), { ...clients, inspector2: create.client }, QUICK);
  expect(created.PhysicalResourceId).toBe('inspector2-ec2:enabled-by-stack');
  expect(create.calls).toEqual([
    'BatchGetAccountStatus', 'BatchGetAccountStatus', 'BatchGetAccountStatus', // DISABLING, DISABLING, DISABLED
    'Enable', 'BatchGetAccountStatus', // DISABLE_IN_PROGRESS, then steady again
    'Enable', 'BatchGetAccountStatus', // accepted; answered once ENABLED
  ]);
  expect(await ec2Status()).toBe('ENABLED');

  // Delete right after the create: still ENABLING, and the first Disable meets ENABLE_IN_PROGRESS.
  const del = asynchronous(clients.inspector2, ['ENABLING'], ['ENABLE_IN_PROGRESS']);
  await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: created.PhysicalResourceId }), { ...clients, inspector2: del.client }, QUICK);
  expect(del.calls).toEqual(['BatchGetAccountStatus', 'BatchGetAccountStatus', 'Disable', 'BatchGetAccountStatus', 'Disable', 'BatchGetAccountStatus']);
  expect(await ec2Status()).toBe('DISABLED');
});

test('a status that does not settle fails after the bound, naming the status', async () => {
  const stuck = asynchronous(clients.inspector2, Array(1000).fill('ENABLING'), []);
  await expect(onEvent(cfnEvent('Create', {}), { ...clients, inspector2: stuck.client }, { intervalMs: 10, timeoutMs: 100 })).rejects.toThrow(
    /^Inspector EC2 scanning is still ENABLING after 0 s: run the deploy or destroy again/,
  );
});

test('a member account that may not disable Inspector leaves it enabled on Delete, and says why', async () => {
  await clients.inspector2.send(new EnableCommand({ accountIds: [ACCOUNT], resourceTypes: ['EC2'] }));
  const member = {
    send: (command: object) => command instanceof DisableCommand
      ? Promise.resolve({ accounts: [], failedAccounts: [{ accountId: ACCOUNT, errorCode: 'ACCESS_DENIED', errorMessage: 'Member accounts cannot disable Amazon Inspector' }] })
      : clients.inspector2.send(command as never),
  } as unknown as Inspector2Client;
  const logs = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await onEvent(cfnEvent('Delete', {}, { PhysicalResourceId: 'inspector2-ec2:enabled-by-stack' }), { ...clients, inspector2: member }, QUICK);
    expect(logs.mock.calls.flat().join('\n')).toContain('Inspector EC2 scanning left enabled: this account cannot disable it (ACCESS_DENIED: Member accounts cannot disable Amazon Inspector)');
  } finally {
    logs.mockRestore();
  }
  expect(await ec2Status()).toBe('ENABLED');
});
