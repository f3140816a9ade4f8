import { UsageError } from '../../scripts/operator/args';
import { demoUsage, parseDemoArgs } from '../../scripts/demo';
import type { DemoCommand } from '../../scripts/demo/types';

const block: DemoCommand = {
  name: 'block',
  operand: '<ipv4 address>',
  summary: 'block an address as a GuardDuty finding would',
  check: (a) => (/^\d+\.\d+\.\d+\.\d+$/.test(a) ? undefined : 'an IPv4 address, e.g. 198.51.100.7'),
  run: async () => 0,
};

describe('npm run demo: arguments', () => {
  test('a known command with a valid operand and settings after it', () => {
    const parsed = parseDemoArgs(['block', '198.51.100.7', '-c', 'day2=true'], [block]);
    expect(parsed.help).toBe(false);
    if (parsed.help) return;
    expect(parsed.command.name).toBe('block');
    expect(parsed.operand).toBe('198.51.100.7');
    expect(parsed.context).toEqual({ day2: 'true' });
  });

  test('no command or --help is help, with every command in the usage', () => {
    expect(parseDemoArgs([], [block]).help).toBe(true);
    expect(parseDemoArgs(['--help'], [block]).help).toBe(true);
    expect(demoUsage([block])).toContain('npm run demo -- block <ipv4 address>');
  });

  test.each([
    [['bock', '1.2.3.4'], 'unknown demo "bock": one of block'],
    [['block'], 'demo block needs <ipv4 address>'],
    [['block', '-c', 'x=y'], 'demo block needs <ipv4 address>'],
    [['block', 'example.com'], 'demo block "example.com": an IPv4 address, e.g. 198.51.100.7'],
    [['block', '1.2.3.4', '--force'], 'unknown argument --force'],
  ])('%j is a usage error: %s', (argv, message) => {
    let error: unknown;
    try {
      parseDemoArgs(argv, [block]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toContain('usage: npm run demo');
  });
});
