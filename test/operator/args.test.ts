/** The one command-line parser: every operator command declares its flags; a usage error exits 2 with the usage. */
import { CommandSpec, parseArgs, parseContextArgs, UsageError } from '../../scripts/operator/args';
import { runScript } from './support';

const SPEC: CommandSpec = {
  usage: 'usage: npm run cost -- [--participants N] [--hours H] [--markdown] [--participant NAME]',
  flags: { participants: 'count', hours: 'positive', markdown: 'switch', participant: 'text' },
};

const usageError = (argv: string[]): UsageError => {
  try {
    parseArgs(SPEC, argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

test('context pairs in every CDK form, passed on to cdk; declared flags with typed values', () => {
  expect(parseArgs(SPEC, ['-c', 'natGateways=1', '--participant', 'alice', '--context=vpcCidr=10.2.0.0/16', '--markdown', '--participants=30', '--hours', '2.5'])).toEqual({
    context: { natGateways: '1', vpcCidr: '10.2.0.0/16' },
    cdkContextArgs: ['-c', 'natGateways=1', '-c', 'vpcCidr=10.2.0.0/16'],
    flags: { participant: 'alice', markdown: true, participants: 30, hours: 2.5 },
    help: false,
  });
  expect(parseArgs(SPEC, ['-h']).help).toBe(true);
  expect(parseContextArgs(['--context', 'a=b=c', 'x'])).toEqual({ context: { a: 'b=c' }, rest: ['x'] });
});

test.each([
  [['--participants', '-1'], /--participants "-1" is not allowed: --participants takes a positive whole number/],
  [['--participants', '2.5'], /--participants "2.5" is not allowed: --participants takes a positive whole number/],
  [['--participants', '0'], /--participants "0" is not allowed/],
  [['--participants=abc'], /--participants "abc" is not allowed/],
  [['--hours', '-3'], /--hours "-3" is not allowed: --hours takes a positive number/],
  [['--hours', ''], /--hours "" is not allowed: --hours takes a positive number/],
  [['--participants'], /--participants needs a value: a positive whole number/],
  [['--hours', '--markdown'], /--hours needs a value: a positive number/],
  [['--participant'], /--participant needs a value/],
  [['--markdown=yes'], /--markdown takes no value, got "yes"/],
  [['--bogus'], /unknown argument --bogus/],
  [['extra'], /unknown argument extra/],
  [['-c', '=1'], /-c expects key=value, got "=1"/],
])('%j is a usage error naming the flag, the value and what is allowed', (argv, message) => {
  const e = usageError(argv);
  expect(e.message).toMatch(message);
  expect(e.message).toContain(SPEC.usage);
});

test('a command without context settings refuses -c', () => {
  expect(() => parseArgs({ usage: 'u', flags: {}, context: false }, ['-c', 'a=b'])).toThrow(/unknown argument -c/);
});

describe('the commands exit 2 with their usage on a bad argument (before any AWS or synth work)', () => {
  test.each([
    ['cost.ts', ['--participants', '-1'], /--participants "-1" is not allowed[\s\S]*usage: npm run cost/],
    ['cost.ts', ['--participants', '2.5'], /--participants "2.5" is not allowed[\s\S]*usage: npm run cost/],
    ['cost.ts', ['--hours'], /--hours needs a value[\s\S]*usage: npm run cost/],
    ['verify.ts', ['--bogus'], /unknown argument --bogus[\s\S]*usage: npm run verify/],
    ['leftovers.ts', ['--participant'], /--participant needs a value[\s\S]*usage: npm run leftovers/],
    ['preflight.ts', ['--jsn'], /unknown argument --jsn[\s\S]*usage: npm run preflight/],
    ['destroy.ts', ['--force'], /unknown argument --force[\s\S]*usage: npm run destroy/],
    ['diff-baseline.ts', ['--base'], /--base needs a value[\s\S]*usage: npm run diff/],
    ['wazuh-config.ts', ['--acount', '1'], /unknown argument --acount[\s\S]*Usage: npm run wazuh-config/],
    ['local.ts', ['--kep'], /unknown argument --kep[\s\S]*usage: npm run local/],
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
