/**
 * The fleet on the local emulator with several accounts (MOTO_ACCOUNT_ID unset): the cycle that
 * `npm run local -- --roster FILE` runs (StackSet deploy into three participant accounts, fleet
 * verify, fleet destroy, leftovers in each), and the ways a room goes wrong: a bad roster line, a
 * missing execution role, an account whose stack fails, within the failure tolerance. One synth for
 * the suite; no fixed sleeps (StackSet polling every 20 ms, bounded).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { CreateRoleCommand, DeleteRoleCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { awsClients, AwsClients } from '../../scripts/operator/clients';
import { adminClients, assumeRole } from '../../scripts/fleet/accounts';
import { createFleetRoles, runFleetCycle } from '../../scripts/fleet/cycle';
import { runFleet } from '../../scripts/fleet/run';
import { readRoster } from '../../scripts/fleet/roster';
import { FleetTemplate, synthFleetTemplate } from '../../scripts/fleet/template';

jest.setTimeout(180_000);

const ADMIN = '123456789012';
const ROOM = [['alice', '111111111111'], ['bob', '222222222222'], ['carol', '333333333333']];
let tmp: string;
let template: FleetTemplate;

const roster = (lines: string[][], name: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, ['participant,accountId,email', ...lines.map(([n, a]) => `${n},${a},${n}@example.com`)].join('\n') + '\n');
  return file;
};

async function inAccount<T>(emu: Emulator, account: string, fn: (c: AwsClients) => Promise<T>): Promise<T> {
  const admin = adminClients({ region: 'us-east-1', env: emu.env });
  const c = awsClients('us-east-1', { env: emu.env, credentials: await assumeRole(admin, account) });
  try {
    return await fn(c);
  } finally {
    c.destroy();
    admin.destroy();
  }
}

const workshopVpcs = (emu: Emulator, account: string) =>
  inAccount(emu, account, async (c) => ((await c.ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? []).filter((v) => v.CidrBlock === '10.0.0.0/16').length);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-e2e-'));
  template = await synthFleetTemplate('SecurityWorkshop');
}, 180_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('npm run local -- --roster: three participants, three accounts: deployed, verified, destroyed, nothing left', async () => {
  const file = roster(ROOM, 'room.csv');
  const lines: string[] = [];
  const seen: Record<string, number> = {};
  let handoutsCode: number | undefined;
  let handoutsLog = '';
  let alicePage = '';
  const report = await runFleetCycle({
    rosterFile: file, roster: readRoster(file), stack: 'SecurityWorkshop', template, pollMs: 20, log: (l) => lines.push(l),
    beforeDestroy: async (emu) => {
      for (const [name, account] of ROOM) {
        seen[account] = await workshopVpcs(emu, account);
        // The ParticipantName parameter: each account holds its participant's `<participant>-RO`.
        const user = `${name}-RO`;
        const found = await inAccount(emu, account, async (c) => (await c.iam.send(new GetUserCommand({ UserName: user }))).User?.Arn);
        expect(found).toBe(`arn:aws:iam::${account}:user/${user}`);
      }
      seen[ADMIN] = await workshopVpcs(emu, ADMIN).catch(() => -1);
      // fleet handouts: one page per participant from the stack outputs in their account.
      const handoutLines: string[] = [];
      handoutsCode = await runFleet(['handouts', '--roster', file, '--out', path.join(tmp, 'handouts')], { env: emu.env, log: (l) => handoutLines.push(l), template });
      handoutsLog = handoutLines.join('\n');
      alicePage = fs.readFileSync(path.join(tmp, 'handouts', 'alice.html'), 'utf8');
    },
  });
  const out = lines.join('\n');
  expect(report.steps.map((s) => [s.step, s.code])).toEqual([['deploy', 0], ['verify', 0], ['destroy', 0]]);
  expect(report.ok).toBe(true);
  expect(seen).toEqual({ '111111111111': 1, '222222222222': 1, '333333333333': 1, [ADMIN]: 0 });
  expect(handoutsLog).toContain('handouts: 3 of 3 participant(s) written');
  expect(handoutsCode).toBe(0);
  const aliceUser = 'alice-RO';
  expect(alicePage).toContain(`<code>${aliceUser}</code>`);
  expect(alicePage).toContain('https://111111111111.signin.aws.amazon.com/console');
  expect(alicePage).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(alicePage).toContain('NGW-Public-subnet-10-0-2');
  expect(alicePage).toContain('aws ssm start-session --target i-');
  for (const [name, account] of ROOM) {
    expect(out).toMatch(new RegExp(`${name}\\s+${account} CURRENT/SUCCEEDED`));
    expect(out).toMatch(new RegExp(`${name}\\s+${account} OK\\s+OK \\d+, MISMATCH 0`));
    expect(out).toMatch(new RegExp(`${name}\\s+${account} nothing left`));
  }
  expect(out).toContain('template over 51200 bytes: uploaded to');
  expect(out).toContain('verify: 3 of 3 participant(s) OK');
});

test('a bad roster line, a missing execution role and a failing account: clear messages, the others deployed; a re-run touches only those', async () => {
  const bad = path.join(tmp, 'bad.csv');
  fs.writeFileSync(bad, 'participant,accountId,email\nalice,111111111111,alice@example.com\nbob,12345,bob@example.com\n');
  const badLines: string[] = [];
  expect(await runFleet(['deploy', '--roster', bad], { log: (l) => badLines.push(l), template })).toBe(2);
  expect(badLines.join('\n')).toContain('line 3, accountId "12345": must be a 12-digit AWS account id');

  const emu = await startEmulator({ multiAccount: true });
  try {
    // dave: no execution role; erin: a named IAM role of the workshop is already there (a leftover), so her stack fails.
    const room = [['dave', '444444444444'], ['erin', '555555555555'], ['frank', '666666666666']];
    const file = roster(room, 'trouble.csv');
    await createFleetRoles(emu.env, 'us-east-1', ADMIN, ['555555555555', '666666666666']);
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await inAccount(emu, '555555555555', (c) => c.iam.send(new CreateRoleCommand({ RoleName: 'erin-CROSS-ACCOUNT-ROLE', AssumeRolePolicyDocument: trust })));
    const flags = ['--roster', file, '--poll-seconds', '0.02', '--max-concurrent-percent', '34', '--failure-tolerance-percent', '67'];
    const run = async (args: string[]) => {
      const lines: string[] = [];
      const code = await runFleet(args, { env: emu.env, log: (l) => lines.push(l), template });
      return { code, out: lines.join('\n') };
    };

    const dry = await run(['deploy', '--dry-run', ...flags]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('would create the StackSet');
    expect(dry.out).toMatch(/dave\s+444444444444\s+would create/);
    expect(dry.out).toMatch(/estimated wall time: \d+ min \(\d+ s\) = 3 wave\(s\) of up to 1 account\(s\)/);

    const first = await run(['deploy', ...flags]);
    expect(first.code).toBe(1);
    expect(first.out).toContain('dave (account 444444444444) has no AWSCloudFormationStackSetExecutionRole');
    expect(first.out).toContain('npm run fleet -- roles');
    expect(first.out).toMatch(/FAILED in 2 account\(s\):/);
    expect(first.out).toMatch(/dave\s+444444444444 FAILED: Account 444444444444 should have 'AWSCloudFormationStackSetExecutionRole' role/);
    expect(first.out).toMatch(/erin\s+555555555555 FAILED: .*erin-CROSS-ACCOUNT-ROLE/);
    expect(first.out).toMatch(/frank\s+666666666666 CURRENT\/SUCCEEDED/);
    expect(await workshopVpcs(emu, '666666666666')).toBe(1);

    const status = await run(['status', ...flags.slice(0, 2)]);
    expect(status.code).toBe(1);
    expect(status.out).toMatch(/dave\s+444444444444 OUTDATED\/FAILED/);

    // Fixed: the role created, the leftover role removed. Only dave and erin are touched.
    await createFleetRoles(emu.env, 'us-east-1', ADMIN, ['444444444444']);
    await inAccount(emu, '555555555555', (c) => c.iam.send(new DeleteRoleCommand({ RoleName: 'erin-CROSS-ACCOUNT-ROLE' })));
    const again = await run(['deploy', ...flags]);
    expect(again.out).toMatch(/frank\s+666666666666\s+keep/);
    expect(again.out).toMatch(/dave\s+444444444444\s+update/);
    expect(again.code).toBe(0);
    const third = await run(['deploy', ...flags]);
    expect(third.out).toContain('Nothing to do');

    const verify = await run(['verify', ...flags.slice(0, 2)]);
    expect(verify.out).toContain('verify: 3 of 3 participant(s) OK');
    const destroy = await run(['destroy', ...flags]);
    expect(destroy.out).toContain('StackSet SecurityWorkshop deleted.');
    for (const [name, account] of room) expect(destroy.out).toMatch(new RegExp(`${name}\\s+${account} nothing left`));
    expect(destroy.code).toBe(0);
  } finally {
    await emu.stop();
  }
});
