/** Every operator command, run as a user runs it: a bad argument exits 2 with its usage (a process per command: the CLI layer). */
import { runScript } from './support';

describe('the commands exit 2 with their usage on a bad argument (before any AWS or synth work)', () => {
  test.each([
    ['cost.ts', ['--participants', '-1'], /--participants "-1" is not allowed[\s\S]*usage: npm run cost/],
    ['cost.ts', ['--participants', '2.5'], /--participants "2.5" is not allowed[\s\S]*usage: npm run cost/],
    ['cost.ts', ['--hours'], /--hours needs a value[\s\S]*usage: npm run cost/],
    ['verify.ts', ['--bogus'], /unknown argument --bogus[\s\S]*usage: npm run verify/],
    ['check.ts', ['--part', 'vpc'], /--part "vpc": one of identity, network, compute, detection, investigation[\s\S]*usage: npm run check/],
    ['check.ts', ['-c', 'parts=compute'], /parts=\["compute"\]: compute needs identity and network/],
    ['leftovers.ts', ['--participant'], /--participant needs a value[\s\S]*usage: npm run leftovers/],
    ['preflight.ts', ['--jsn'], /unknown argument --jsn[\s\S]*usage: npm run preflight/],
    ['destroy.ts', ['--force'], /unknown argument --force[\s\S]*usage: npm run destroy/],
    ['diff-baseline.ts', ['--base'], /--base needs a value[\s\S]*usage: npm run diff/],
    ['wazuh-config.ts', ['--acount', '1'], /unknown argument --acount[\s\S]*Usage: npm run wazuh-config/],
    ['bench.ts', ['--runs', '-1'], /--runs "-1" is not allowed: --runs takes a positive whole number[\s\S]*usage: npm run bench/],
    ['bench.ts', ['--runs', '2.5'], /--runs "2.5" is not allowed[\s\S]*usage: npm run bench/],
    ['bench.ts', ['--runs'], /--runs needs a value[\s\S]*usage: npm run bench/],
    ['local.ts', ['--kep'], /unknown argument --kep[\s\S]*usage: npm run local/],
    ['local.ts', ['--roster', 'room.csv', '--aws'], /--roster runs the room's cycle on the emulator and takes neither --aws nor --keep[\s\S]*usage: npm run local/],
    ['local.ts', ['--roster', '/no/such/room.csv'], /\/no\/such\/room.csv: no such file/],
  ])('%s %j', async (script, argv, message) => {
    const run = await runScript(script, argv, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  }, 30_000);

  test('--help prints the usage and exits 0', async () => {
    const run = await runScript('cost.ts', ['--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/usage: npm run cost/);
  }, 30_000);
});
