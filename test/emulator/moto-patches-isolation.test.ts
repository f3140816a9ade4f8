/**
 * The emulator patches the isolation part relies on (scripts/emulator/patches/ec2_network_interface_groups.py,
 * securityhub_batch_update_findings.py): moto 5.2.1 behaves as AWS documents.
 */
import { DescribeNetworkInterfacesCommand, EC2Client, ModifyNetworkInterfaceAttributeCommand } from '@aws-sdk/client-ec2';
import { BatchUpdateFindingsCommand, DisableSecurityHubCommand, EnableSecurityHubCommand, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { findingAbout, groupsByInterface, instanceWithTwoInterfaces, PRODUCT_ARN, readInstance } from '../handlers/isolation-fixture';
import { emulatorConfig } from '../operator/support';

jest.setTimeout(60_000);

let emu: Emulator;
let ec2: EC2Client;
let sh: SecurityHubClient;

beforeAll(async () => {
  emu = await startEmulator();
  ec2 = new EC2Client(emulatorConfig(emu));
  sh = new SecurityHubClient(emulatorConfig(emu));
});
afterAll(async () => {
  ec2?.destroy();
  sh?.destroy();
  await emu?.stop();
});

test('EC2 ModifyNetworkInterfaceAttribute Groups replaces that interface\'s groups; each interface keeps its own; the primary\'s are the instance\'s', async () => {
  const f = await instanceWithTwoInterfaces(ec2);
  const [a, b] = f.groups;
  const enis = (await readInstance(ec2, f.instanceId)).NetworkInterfaces!.sort((x, y) => x.Attachment!.DeviceIndex! - y.Attachment!.DeviceIndex!);
  const [primary, second] = enis.map((e) => e.NetworkInterfaceId!);
  expect(await groupsByInterface(ec2, f.instanceId)).toEqual({ [primary]: [a], [second]: [b] });

  await ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: second, Groups: [a] }));
  expect(await groupsByInterface(ec2, f.instanceId)).toEqual({ [primary]: [a], [second]: [a] });
  await ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: primary, Groups: [b] }));
  expect(await groupsByInterface(ec2, f.instanceId)).toEqual({ [primary]: [b], [second]: [a] });
  expect((await readInstance(ec2, f.instanceId)).SecurityGroups!.map((g) => g.GroupId)).toEqual([b]);
  const described = (await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [primary] }))).NetworkInterfaces![0];
  expect(described.Groups!.map((g) => g.GroupId)).toEqual([b]);
  const usingB = (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'group-id', Values: [b] }] }))).NetworkInterfaces!;
  expect(usingB.map((e) => e.NetworkInterfaceId)).toEqual([primary]);
});

test('Security Hub BatchUpdateFindings sets the note and workflow status (GetFindings shows them); an unknown finding is unprocessed; no hub: InvalidAccessException', async () => {
  await expect(sh.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: [{ Id: 'x', ProductArn: PRODUCT_ARN }], Workflow: { Status: 'NOTIFIED' } }))).rejects.toMatchObject({
    name: 'InvalidAccessException',
  });
  await sh.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  await findingAbout(sh, 'finding-1', ['i-0123456789abcdef0']);
  const out = await sh.send(
    new BatchUpdateFindingsCommand({
      FindingIdentifiers: [{ Id: 'finding-1', ProductArn: PRODUCT_ARN }, { Id: 'no-such-finding', ProductArn: PRODUCT_ARN }],
      Note: { Text: 'isolated', UpdatedBy: 'test' },
      Workflow: { Status: 'NOTIFIED' },
    }),
  );
  expect(out.ProcessedFindings).toEqual([{ Id: 'finding-1', ProductArn: PRODUCT_ARN }]);
  expect(out.UnprocessedFindings).toEqual([{ FindingIdentifier: { Id: 'no-such-finding', ProductArn: PRODUCT_ARN }, ErrorCode: 'FindingNotFound', ErrorMessage: 'Finding Not Found' }]);
  const finding = (await sh.send(new GetFindingsCommand({}))).Findings!.find((x) => x.Id === 'finding-1')!;
  expect(finding.Note).toMatchObject({ Text: 'isolated', UpdatedBy: 'test' });
  expect(finding.Workflow).toEqual({ Status: 'NOTIFIED' });
  await sh.send(new DisableSecurityHubCommand({}));
});
