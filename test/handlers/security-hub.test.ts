import {
  BatchEnableStandardsCommand,
  DescribeHubCommand,
  DisableSecurityHubCommand,
  EnableSecurityHubCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { clientConfig } from '../../lib/aws/clients';
import { enabledStandards, newestStandards, onEvent } from '../../lib/handlers/security-hub';
import { onEvent as onActionTarget } from '../../lib/handlers/security-hub-action-target';
import { Emulator } from '../../scripts/emulator/emulator';
import { cfnEvent, emulator } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let securityhub: SecurityHubClient;
const HUB = 'arn:aws:securityhub:us-east-1:123456789012:hub/default';
const FSBP = 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0';
const CIS5 = 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/5.0.0';
const CIS12 = 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0';
const PROPS = { Standards: ['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark'] };
const hubOn = async () =>
  securityhub.send(new DescribeHubCommand({})).then(
    () => true,
    (e: Error) => (e.name === 'InvalidAccessException' ? false : Promise.reject(e)),
  );
const subscribed = async () => (await enabledStandards(securityhub)).map((s) => s.StandardsArn).sort();

beforeAll(async () => {
  emu = await emulator();
  securityhub = new SecurityHubClient(clientConfig({ env: emu.env }));
});
afterAll(() => emu?.stop());

test('the newest version of each standard is chosen; a standard the region lacks is an error', () => {
  expect(newestStandards([CIS12, FSBP, 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0', CIS5], PROPS.Standards)).toEqual([FSBP, CIS5]);
  expect(() => newestStandards([FSBP], PROPS.Standards)).toThrow("Security Hub offers no standard 'cis-aws-foundations-benchmark' in this region");
});

test('enables a hub without the default standards, subscribes FSBP and the newest CIS, undoes that on Delete', async () => {
  expect(await hubOn()).toBe(false);
  const created = await onEvent(cfnEvent('Create', PROPS), { securityhub });
  expect(created).toEqual({ PhysicalResourceId: `created:${HUB}`, Data: { HubArn: HUB, Adopted: 'false', StandardsArns: `${FSBP},${CIS5}` } });
  expect(await subscribed()).toEqual([CIS5, FSBP].sort());

  // A second Create (the hub is there now) adopts it and changes nothing.
  const again = await onEvent(cfnEvent('Create', PROPS), { securityhub });
  expect(again).toEqual({ PhysicalResourceId: `adopted:${HUB}`, Data: { HubArn: HUB, Adopted: 'true', StandardsArns: '' } });
  expect(await subscribed()).toEqual([CIS5, FSBP].sort());

  const updated = await onEvent(cfnEvent('Update', PROPS, { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: PROPS }), { securityhub });
  expect(updated).toEqual(created);

  await onEvent(cfnEvent('Delete', PROPS, { PhysicalResourceId: created.PhysicalResourceId }), { securityhub });
  expect(await hubOn()).toBe(false);
  // Deleting again (hub already off) counts as done.
  await expect(onEvent(cfnEvent('Delete', PROPS, { PhysicalResourceId: created.PhysicalResourceId }), { securityhub })).resolves.toEqual({
    PhysicalResourceId: created.PhysicalResourceId,
  });
});

test('adopts a hub that existed, with its own standards, and leaves it exactly as found on Delete', async () => {
  await securityhub.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  await securityhub.send(new BatchEnableStandardsCommand({ StandardsSubscriptionRequests: [{ StandardsArn: FSBP }] }));
  const adopted = await onEvent(cfnEvent('Create', PROPS), { securityhub });
  expect(adopted.PhysicalResourceId).toBe(`adopted:${HUB}`);
  expect(await subscribed()).toEqual([FSBP]);
  await onEvent(cfnEvent('Delete', PROPS, { PhysicalResourceId: adopted.PhysicalResourceId }), { securityhub });
  expect(await hubOn()).toBe(true);
  expect(await subscribed()).toEqual([FSBP]);
  await securityhub.send(new DisableSecurityHubCommand({}));
});

test('the rollback Delete after a failed Create (PhysicalResourceId = LogicalResourceId) touches nothing', async () => {
  await securityhub.send(new EnableSecurityHubCommand({ EnableDefaultStandards: true }));
  const before = await subscribed();
  expect(before).toEqual([CIS12, FSBP].sort()); // the emulator's default standards, as AWS's
  await onEvent(cfnEvent('Delete', PROPS, { PhysicalResourceId: 'Resource' }), { securityhub });
  expect(await hubOn()).toBe(true);
  expect(await subscribed()).toEqual(before);
  await securityhub.send(new DisableSecurityHubCommand({}));
});

test('a Create that fails after enabling the hub switches it off again (its rollback Delete cannot tell)', async () => {
  await expect(onEvent(cfnEvent('Create', { Standards: ['no-such-standard'] }), { securityhub })).rejects.toThrow(
    "Security Hub offers no standard 'no-such-standard' in this region",
  );
  expect(await hubOn()).toBe(false);
});

describe('custom action "Isolate instance"', () => {
  const ACTION = { Id: 'IsolateInstance', Name: 'Isolate instance', Description: 'Isolates the instance' };
  const ARN = 'arn:aws:securityhub:us-east-1:123456789012:action/custom/IsolateInstance';

  test('created, adopted on a second Create (idempotent), deleted only when created', async () => {
    await securityhub.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
    const created = await onActionTarget(cfnEvent('Create', ACTION), { securityhub });
    expect(created).toEqual({ PhysicalResourceId: `created:${ARN}`, Data: { ActionTargetArn: ARN, Adopted: 'false' } });
    const again = await onActionTarget(cfnEvent('Create', ACTION), { securityhub });
    expect(again).toEqual({ PhysicalResourceId: `adopted:${ARN}`, Data: { ActionTargetArn: ARN, Adopted: 'true' } });

    await onActionTarget(cfnEvent('Delete', ACTION, { PhysicalResourceId: again.PhysicalResourceId }), { securityhub });
    const { findActionTarget } = await import('../../lib/handlers/security-hub-action-target');
    expect(await findActionTarget(securityhub, 'IsolateInstance')).toBe(ARN);
    await onActionTarget(cfnEvent('Delete', ACTION, { PhysicalResourceId: created.PhysicalResourceId }), { securityhub });
    expect(await findActionTarget(securityhub, 'IsolateInstance')).toBeUndefined();
    // Gone already: done.
    await expect(onActionTarget(cfnEvent('Delete', ACTION, { PhysicalResourceId: created.PhysicalResourceId }), { securityhub })).resolves.toEqual({
      PhysicalResourceId: created.PhysicalResourceId,
    });
    await securityhub.send(new DisableSecurityHubCommand({}));
  });

  test('without a hub, Create fails naming the call and the AWS error', async () => {
    await expect(onActionTarget(cfnEvent('Create', ACTION), { securityhub })).rejects.toThrow(/^SecurityHub DescribeActionTargets failed: InvalidAccessException/);
  });
});
