/**
 * `npm run fleet -- check` on the emulator with three participant accounts (reached by
 * sts:AssumeRole, as the fleet reaches them): alice built everything of parts 1 and 2 by hand,
 * bob half (identity, the VPC and its subnets), carol nothing yet. The scoreboard says exactly that,
 * in the terminal and in the HTML page.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { adminClients, assumeRole } from '../../scripts/fleet/accounts';
import { runFleet } from '../../scripts/fleet/run';
import { awsClients } from '../../scripts/operator/clients';
import { buildWorkshop } from '../support/synth';
import { Template } from 'aws-cdk-lib/assertions';
import { buildByHand, HandBuiltOptions } from './hand-built';

jest.setTimeout(90_000);

let emu: Emulator;
let tmp: string;
const ROOM = [['alice', '111111111111'], ['bob', '222222222222'], ['carol', '333333333333']] as const;

async function build(account: string, o: HandBuiltOptions): Promise<void> {
  const admin = adminClients({ region: 'us-east-1', env: emu.env });
  const c = awsClients('us-east-1', { env: emu.env, credentials: await assumeRole(admin, account) });
  try {
    await buildByHand(c, account, o);
  } finally {
    c.destroy();
    admin.destroy();
  }
}

beforeAll(async () => {
  emu = await startEmulator({ multiAccount: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-check-'));
  await Promise.all([build(ROOM[0][1], { participant: 'alice' }), build(ROOM[1][1], { participant: 'bob', half: true })]);
});

afterAll(async () => {
  await emu?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the scoreboard: alice complete, bob half done, carol not started', async () => {
  const roster = path.join(tmp, 'room.csv');
  fs.writeFileSync(roster, ['participant,accountId,email', ...ROOM.map(([n, a]) => `${n},${a},${n}@example.com`)].join('\n') + '\n');
  const lines: string[] = [];
  const html = path.join(tmp, 'board.html');
  const code = await runFleet(['check', '--roster', roster, '--out', html], { env: emu.env, log: (l) => lines.push(l) });
  expect(code).toBe(0);
  const row = (name: string) => lines.find((l) => l.startsWith(`${name} `))!.replace(/\s+/g, ' ');
  // Columns: ro-user x-account ssm-role vpc subnets igw public-rt nat private-rt flow-cw flow-s3 default-vpc webserver private-ec2 guardduty inspector alarm athena trail.
  expect(lines[1].replace(/\s+/g, ' ')).toBe('participant ro-user x-account ssm-role vpc subnets igw public-rt nat private-rt flow-cw flow-s3 default-vpc webserver private-ec2 guardduty inspector alarm athena trail done');
  expect(row('alice')).toBe(`alice ${'✓ '.repeat(19)}19/19`);
  expect(row('bob')).toBe(`bob ${'✓ '.repeat(5)}${'· '.repeat(14)}5/19`);
  expect(row('carol')).toBe(`carol ${'· '.repeat(19)}0/19`);
  const page = fs.readFileSync(html, 'utf8');
  expect(page).toContain('<tr><th>carol</th>');
  expect((page.match(/class="done"/g) ?? []).length).toBe(19 + 5);
  expect(page).not.toContain('class="wrong"');

  // catch-up: carol gets identity and network deployed (the one template with -c parts=identity,network) and continues by hand.
  const { stack } = buildWorkshop({ parts: 'identity,network' });
  const template = Template.fromStack(stack).toJSON();
  const catchUpLines: string[] = [];
  const caughtUp = await runFleet(['catch-up', '--roster', roster, '--participant', 'carol', '--parts', 'identity,network', '--poll-seconds', '1'], {
    env: emu.env, log: (l) => catchUpLines.push(l), template,
  });
  expect(catchUpLines.join('\n')).toContain('catch-up carol (333333333333): creating SecurityWorkshop with parts identity, network');
  expect(caughtUp).toBe(0);
  lines.length = 0;
  // --watch: checks again every --poll-seconds, --max-polls rounds in all.
  expect(await runFleet(['check', '--roster', roster, '--watch', '--poll-seconds', '1', '--max-polls', '2'], { env: emu.env, log: (l) => lines.push(l) })).toBe(0);
  expect(lines.filter((l) => l.startsWith('participant '))).toHaveLength(2);
  // identity and network (flow logs too) done by the app; compute, detection and investigation are carol's to do.
  expect(row('carol')).toBe(`carol ${'✓ '.repeat(11)}${'· '.repeat(8)}11/19`);
});

test('catch-up refuses a list without what a part needs, naming it', async () => {
  const roster = path.join(tmp, 'room.csv');
  const lines: string[] = [];
  expect(await runFleet(['catch-up', '--roster', roster, '--participant', 'carol', '--parts', 'compute'], { env: emu.env, log: (l) => lines.push(l) })).toBe(2);
  expect(lines.join('\n')).toMatch(/parts=\["compute"\]: compute needs identity and network/);
});
