/** The one command-line parser: every operator command declares its flags; a usage error exits 2 with the usage. */
import { CommandSpec, parseArgs, parseContextArgs, UsageError } from '../../scripts/operator/args';

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
