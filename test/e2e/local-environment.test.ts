/**
 * The README's main job (`npm run local`) end to end against a local emulator: bootstrap,
 * plain `cdk deploy` of the one stack, verify against the workshop table, custom-resource effects, a second deploy and
 * a diff that find nothing to change; then day 2 over it as an organiser does it (`cdk deploy -c
 * day2=true` on the running day-1 stack), verify, the block and isolate demos; destroy, leftovers.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { execSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cdk } from '../../scripts/local/cdk-cli';
import { LocalRunReport, runLocal } from '../../scripts/local/pipeline';
import { sdkConfig } from '../../scripts/operator/context';
import { AwsClients, awsClients } from '../../scripts/operator/clients';
import { stackOutputs } from '../../scripts/demo/stack';
import { checkEnvironment, CheckResult } from '../../scripts/check/index';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';

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

/** `cdk <args>` as runLocal runs it (the project's CLI), with all of its output. */
async function cdkRun(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const lines: string[] = [];
  const run = await cdk(args, { env, log: (l) => lines.push(l), timeoutMs: 5 * 60_000 });
  return { code: run.code, out: lines.join('\n') };
}

/** The stacks of a cloud assembly, from its manifest (whatever their number and names). */
function assemblyStacks(assembly: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(assembly, 'manifest.json'), 'utf8'));
  return Object.entries<{ type: string; displayName?: string; properties?: { stackName?: string } }>(manifest.artifacts ?? {})
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([id, a]) => a.properties?.stackName ?? a.displayName ?? id);
}

async function withClients<T>(env: Record<string, string | undefined>, fn: (c: AwsClients) => Promise<T>): Promise<T> {
  const clients = awsClients('us-east-1', { env });
  return fn(clients).finally(() => clients.destroy());
}

async function stackStatuses(env: Record<string, string | undefined>, names: string[]): Promise<string[]> {
  const cfn = new CloudFormationClient(sdkConfig('us-east-1', { env }));
  try {
    return await Promise.all(names.map(async (n) => `${n} ${(await cfn.send(new DescribeStacksCommand({ StackName: n }))).Stacks?.[0]?.StackStatus}`));
  } finally {
    cfn.destroy();
  }
}


describe('npm run local against the emulator', () => {
  let report: LocalRunReport;
  const lines: string[] = [];
  // The operator commands, run while the environment is up (keep), before the destroy.
  const whileUp: Record<string, CliRun> = {};
  // The second `cdk deploy` of the same assembly and the `cdk diff` after it.
  let deployedStacks: string[] = [];
  let statusesBefore: string[] = [];
  let statusesAfter: string[] = [];
  let checked: CheckResult | undefined;
  let day2Statuses: string[] = [];

  beforeAll(async () => {
    report = await runLocal({
      log: (l) => lines.push(l),
      keep: true,
      keepUntil: async (env, { assembly }) => {
        // npm run check grades the app's environment as it grades a hand-built one (in process: seconds).
        checked = await withClients(env, (c) => checkEnvironment(c, WORKSHOP_DEFAULTS));
        whileUp.verify = command('verify', env);
        whileUp.leftovers = command('leftovers', env);
        // The app holds 3 EIPs now: a second deploy would need 3 more of the 5 (default quota).
        whileUp.preflight = command('preflight', env);
        whileUp.wazuh = command('wazuh-config', env, ['--account', '123456789012']);
        // Deploying the same assembly again changes nothing (CloudFormation: a change set with no
        // changes, for the stacks with SSM parameters), and the diff then finds no difference.
        deployedStacks = assemblyStacks(assembly);
        whileUp.list = await cdkRun(['list', '--app', assembly], env);
        statusesBefore = await stackStatuses(env, deployedStacks);
        // Plain `cdk deploy` and `cdk diff`: no --all, no stack name.
        whileUp.redeploy = await cdkRun(['deploy', '--app', assembly, '--require-approval', 'never'], env);
        statusesAfter = await stackStatuses(env, deployedStacks);
        whileUp.diff = await cdkRun(['diff', '--app', assembly, '--fail'], env);
        // The morning of day 2: the same stack, deployed again with day2=true (an update, day 1 kept).
        const day2Assembly = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-day2-'));
        try {
          whileUp.day2Synth = await cdkRun(['synth', '-q', '-o', day2Assembly, '-c', 'day2=true'], env);
          whileUp.day2Deploy = await cdkRun(['deploy', '--app', day2Assembly, '--require-approval', 'never'], env);
          day2Statuses = await stackStatuses(env, deployedStacks);
          whileUp.day2Verify = command('verify', env, ['-c', 'day2=true']);
          whileUp.block = command('demo', env, ['block', '198.51.100.7', '-c', 'day2=true']);
          const outputs = await withClients(env, (c) => stackOutputs(c, 'SecurityWorkshop'));
          const ubuntu = /--target (i-[0-9a-f]+)/.exec(outputs.UbuntuSession ?? '')?.[1] ?? 'no-ubuntu-output';
          whileUp.isolate = command('demo', env, ['isolate', ubuntu, '-c', 'day2=true']);
        } finally {
          fs.rmSync(day2Assembly, { recursive: true, force: true });
        }
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

  test('cdk list prints one stack, SecurityWorkshop, and that one stack was created', () => {
    expect(whileUp.list.code).toBe(0);
    expect(whileUp.list.out.split('\n').filter((l) => l.trim() !== '')).toEqual(['SecurityWorkshop']);
    expect(deployedStacks).toEqual(['SecurityWorkshop']);
    expect(report.stacks.map((s) => [s.name, s.status])).toEqual([['SecurityWorkshop', 'CREATE_COMPLETE']]);
  });

  test('stack outputs are recorded, with the literal workshop values', () => {
    const out = report.stacks.find((s) => s.name === 'SecurityWorkshop')!.outputs;
    expect(out.FlowLogGroupName).toBe('Flow-logs-VPC-10-0-0-0');
    expect(out.FlowLogBucketName).toBe('s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1');
    expect(out.WazuhOssecConfig).toContain('<name>s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1</name>');
    expect(out.ReadOnlyUserName).toBe('workshop-RO');
    expect(out.WebserverSession).toMatch(/^aws ssm start-session --target i-[0-9a-f]+ --region us-east-1$/);
  });

  test('npm run check grades the environment the app deployed: every step done, nothing to warn about', () => {
    expect(checked!.steps.filter((s) => s.status !== 'done')).toEqual([]);
    expect(checked!.steps).toHaveLength(19);
    expect(checked!.warnings).toEqual([]);
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

  test("npm run preflight with the app deployed: what the app holds is its own, so a re-run is not blocked", () => {
    expect(whileUp.preflight.out).toMatch(/INFO\s+Elastic IPs: 3 allocated \(3 the app's own, counted as its own\) of 5/);
    expect(whileUp.preflight.out).toMatch(/INFO\s+VPCs: \d+ VPC\(s\) \(1 the app's own, counted as its own\)/);
    expect(whileUp.preflight.out).toMatch(/NAT gateways per AZ us-east-1a: 1 \(1 the app's own\), us-east-1b: 1 \(1 the app's own\), us-east-1c: 1 \(1 the app's own\)/);
    expect(whileUp.preflight.out).toMatch(/INFO\s+CloudTrail trails: 1 trail\(s\) \(1 is the app's own, SecurityWorkshop-Trail\)/);
    expect(whileUp.preflight.out).toMatch(/INFO\s+Existing names: only the app's own: Security group http-world in the default VPC, IAM role ROLE-AmazonEC2RoleforSSM, /);
    expect(whileUp.preflight.out).not.toContain('BLOCKER');
    expect(whileUp.preflight.code).toBe(0);
  });

  test('npm run wazuh-config prints the bucket and path the flow log writes to', () => {
    expect(whileUp.wazuh.code).toBe(0);
    expect(whileUp.wazuh.out).toContain('<bucket type="vpcflow">');
    expect(whileUp.wazuh.out).toContain('<name>s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1</name>');
    expect(whileUp.wazuh.out).toContain('<path>vpc</path>');
  });

  test('a second plain cdk deploy of the same assembly: exit 0, "(no changes)", stack not updated', () => {
    expect(deployedStacks.length).toBeGreaterThan(0);
    if (whileUp.redeploy.code !== 0) console.error(whileUp.redeploy.out);
    expect(whileUp.redeploy.code).toBe(0);
    const noChanges = deployedStacks.filter((n) => whileUp.redeploy.out.includes(`${n} (no changes)`));
    expect(noChanges).toEqual(deployedStacks);
    expect(statusesAfter).toEqual(statusesBefore);
  });

  test('cdk diff --fail after it: no differences (from a change set, as on AWS), exit 0', () => {
    if (whileUp.diff.code !== 0) console.error(whileUp.diff.out);
    expect(whileUp.diff.code).toBe(0);
    expect(whileUp.diff.out.match(/There were no differences/g)).toHaveLength(deployedStacks.length);
    expect(whileUp.diff.out).toContain('Number of stacks with differences: 0');
    expect(whileUp.diff.out).not.toContain('Could not create a change set');
  });

  test('day 2 over day 1: cdk deploy -c day2=true updates the running stack; verify, block and isolate work on it', () => {
    for (const run of ['day2Synth', 'day2Deploy']) if (whileUp[run].code !== 0) console.error(whileUp[run].out);
    expect([whileUp.day2Synth.code, whileUp.day2Deploy.code]).toEqual([0, 0]);
    expect(day2Statuses).toEqual(['SecurityWorkshop UPDATE_COMPLETE']);
    expect(whileUp.day2Verify.out).toMatch(/Checked \d+ items .*: \d+ OK, 0 MISMATCH, 0 NOT RECORDED/);
    expect(whileUp.day2Verify.out).toContain('Load balancer SecurityWorkshop-web');
    expect(whileUp.day2Verify.code).toBe(0);
    expect(whileUp.block.out).toContain('WAF IP set SecurityWorkshop-blocked-hosts: 198.51.100.7/32');
    expect(whileUp.block.code).toBe(0);
    // Left isolated on purpose: destroy must still remove everything (the isolation cleanup).
    expect(whileUp.isolate.out).toMatch(/isolat/i);
    expect(whileUp.isolate.code).toBe(0);
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
