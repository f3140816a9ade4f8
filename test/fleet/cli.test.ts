import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from '../../scripts/operator/args';
import { FLEET_SPECS, fleetSettings, subcommandOf } from '../../scripts/fleet/cli';
import { runFleet } from '../../scripts/fleet/run';
import { administrationRoleTemplate, executionRoleTemplate } from '../../scripts/fleet/roles';

let roster: string;
beforeAll(() => {
  roster = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-cli-')), 'room.csv');
  fs.writeFileSync(roster, 'participant,accountId,email\nalice,111111111111,alice@example.com\n');
});

test('subcommands and their flags; the StackSet is named after stackPrefix', () => {
  const { command, rest } = subcommandOf(['deploy', '--roster', roster, '--max-concurrent-percent', '25', '--dry-run', '-c', 'stackPrefix=Room1']);
  expect(command).toBe('deploy');
  const s = fleetSettings(parseArgs(FLEET_SPECS.deploy, rest));
  expect(s).toMatchObject({ stackSet: 'Room1', region: 'us-east-1', maxConcurrentPercent: 25, failureTolerancePercent: 34, role: 'AWSCloudFormationStackSetExecutionRole', intervalMs: 10_000 });
  expect(s.roster.map((p) => p.name)).toEqual(['alice']);
  expect(() => subcommandOf(['launch'])).toThrow('unknown fleet command launch');
  expect(() => fleetSettings(parseArgs(FLEET_SPECS.deploy, ['--roster', roster, '--max-concurrent-percent', '0']))).toThrow('a whole number from 1 to 100');
  expect(() => fleetSettings(parseArgs(FLEET_SPECS.deploy, ['--roster', roster, '--ou', 'r-abcd']))).toThrow('not an organizational unit id');
  expect(() => fleetSettings(parseArgs(FLEET_SPECS.status, []))).toThrow('--roster FILE is required');
  expect(() => parseArgs(FLEET_SPECS.status, ['--dry-run'])).toThrow('unknown argument --dry-run');
});

test('fleet roles prints the two role templates AWS documents', async () => {
  const lines: string[] = [];
  expect(await runFleet(['roles', '--admin-account', '123456789012'], { log: (l) => lines.push(l) })).toBe(0);
  const out = lines.join('\n');
  expect(out).toContain('"RoleName": "AWSCloudFormationStackSetAdministrationRole"');
  expect(out).toContain('"Default": "123456789012"');
  const admin = administrationRoleTemplate() as any;
  expect(admin.Resources.AdministrationRole.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'cloudformation.amazonaws.com' });
  expect(admin.Resources.AdministrationRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource).toEqual(['arn:*:iam::*:role/AWSCloudFormationStackSetExecutionRole']);
  const exec = executionRoleTemplate() as any;
  expect(exec.Resources.ExecutionRole.Properties.ManagedPolicyArns).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess' }]);
  expect(exec.Resources.ExecutionRole.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ AWS: [{ Ref: 'AdministratorAccountId' }] });
  expect(await runFleet(['roles', '--deploy'], { log: () => undefined })).toBe(2);
});

test('a bad roster: exit 2 with every problem', async () => {
  const bad = path.join(path.dirname(roster), 'bad.csv');
  fs.writeFileSync(bad, 'participant,accountId\nalice,1111\nbob,22\n');
  const lines: string[] = [];
  expect(await runFleet(['status', '--roster', bad], { log: (l) => lines.push(l) })).toBe(2);
  expect(lines.join('\n')).toContain('line 2, accountId "1111": must be a 12-digit AWS account id');
  expect(lines.join('\n')).toContain('line 3, accountId "22": must be a 12-digit AWS account id');
});
