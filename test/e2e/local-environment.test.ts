/**
 * The README's main job (`npm run local`) end to end against a local emulator: bootstrap,
 * deploy --all, verify against the workshop table, custom-resource effects, destroy, leftovers.
 */
import { execSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { LocalRunReport, runLocal } from '../../scripts/local/pipeline';

const ROOT = path.resolve(__dirname, '..', '..');

interface CliRun {
  readonly code: number | null;
  readonly out: string;
}

/** An operator command as a user runs it (`npm run <name>`), pointed at the deployed emulator. */
function command(script: string, env: Record<string, string | undefined>, args: string[] = []): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const STACKS = ['SecurityWorkshop-Compute', 'SecurityWorkshop-Detection', 'SecurityWorkshop-Identity', 'SecurityWorkshop-Investigation', 'SecurityWorkshop-Network'];

describe('npm run local against the emulator', () => {
  let report: LocalRunReport;
  const lines: string[] = [];
  // The operator commands, run while the environment is up (keep), before the destroy.
  const whileUp: Record<string, CliRun> = {};

  beforeAll(async () => {
    report = await runLocal({
      log: (l) => lines.push(l),
      keep: true,
      keepUntil: async (env) => {
        whileUp.verify = command('verify', env);
        whileUp.leftovers = command('leftovers', env);
        // The app holds 3 EIPs now: a second deploy would need 3 more of the 5 (default quota).
        whileUp.preflight = command('preflight', env);
        whileUp.wazuh = command('wazuh-config', env, ['--account', '123456789012']);
      },
    });
    if (!report.ok) console.error(`${lines.slice(-150).join('\n')}\n\n${report.advice}`);
  }, 9 * 60_000);

  test('bootstrap, synth, deploy and destroy all succeed', () => {
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['bootstrap', true],
      ['synth', true],
      ['deploy', true],
      ['destroy', true],
    ]);
  });

  test('all five stacks were created', () => {
    expect(report.stacks.map((s) => [s.name, s.status])).toEqual(STACKS.map((n) => [n, 'CREATE_COMPLETE']));
  });

  test('stack outputs are recorded, with the literal workshop values', () => {
    const out = (stack: string) => report.stacks.find((s) => s.name === stack)!.outputs;
    expect(out('SecurityWorkshop-Network').FlowLogGroupName).toBe('Flow-logs-VPC-10-0-0-0');
    expect(out('SecurityWorkshop-Network').FlowLogBucketName).toBe('s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1');
    expect(out('SecurityWorkshop-Network').WazuhOssecConfig).toContain('<name>s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1</name>');
    expect(out('SecurityWorkshop-Identity').ReadOnlyUserName).toBe('workshop-RO');
    expect(out('SecurityWorkshop-Compute').WebserverSession).toMatch(/^aws ssm start-session --target i-[0-9a-f]+ --region us-east-1$/);
  });

  test('verify: the table matches, every row recorded and OK', () => {
    expect(report.verify?.rows.filter((r) => r.status !== 'OK')).toEqual([]);
    expect(report.verify!.rows.length).toBeGreaterThan(100);
    expect(report.verify?.ok).toBe(true);
    const ok = new Set(report.verify!.rows.filter((r) => r.status === 'OK').map((r) => r.check));
    for (const check of [
      'Subnet Public-Subnet-a-10-0-1: CIDR',
      'Subnet Private-Subnet-c-10-0-6: AZ',
      'Route table Private-Route-Table-b: route 0.0.0.0/0',
      'Instance webserver-001-default-vpc: instance profile',
      'Default VPC: Name tag',
    ]) {
      expect(ok).toContain(check);
    }
  });

  test('custom resources ran inside the deploy: GuardDuty detector created, default VPC tagged', () => {
    expect(report.effects?.guardDutyDetectors).toHaveLength(1);
    expect(report.effects?.defaultVpcName).toBe('Default-VPC');
  });

  test('npm run verify against the deployed environment: exit 0, no MISMATCH', () => {
    expect(whileUp.verify.out).toMatch(/Checked \d+ items .*: \d+ OK, 0 MISMATCH/);
    expect(whileUp.verify.code).toBe(0);
  });

  test('npm run leftovers while it is up: finds the workshop, exit 1', () => {
    expect(whileUp.leftovers.out).toContain('VPC-10-0-0-0');
    expect(whileUp.leftovers.code).toBe(1);
  });

  test('npm run preflight with the app deployed: too few Elastic IPs for another copy is a blocker', () => {
    expect(whileUp.preflight.out).toMatch(/BLOCKER\s+Elastic IPs: 3 allocated of 5/);
    expect(whileUp.preflight.code).toBe(1);
  });

  test('npm run wazuh-config prints the bucket and path the flow log writes to', () => {
    expect(whileUp.wazuh.code).toBe(0);
    expect(whileUp.wazuh.out).toContain('<bucket type="vpcflow">');
    expect(whileUp.wazuh.out).toContain('<name>s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1</name>');
    expect(whileUp.wazuh.out).toContain('<path>vpc</path>');
  });

  test('destroy undid the custom resources: created detector deleted, Default-VPC tag removed', () => {
    expect(report.effectsAfterDestroy?.guardDutyDetectors).toEqual([]);
    expect(report.effectsAfterDestroy?.defaultVpcName).toBeUndefined();
  });

  test('after destroy nothing of the workshop is left', () => {
    expect(report.leftovers?.items).toEqual([]);
    expect(report.ok).toBe(true);
  });

  test('no emulator process outlives the run', () => {
    const running = execSync('pgrep -fa moto_launcher.py || true').toString();
    // Other suites may run their own emulators; none may be on this run's endpoint any more.
    const endpoint = lines.find((l) => l.startsWith('=== Emulator answering on '))?.split(' ').pop();
    expect(endpoint).toBeDefined();
    expect(running).not.toContain(`--port ${new URL(endpoint!).port}`);
  });
});
