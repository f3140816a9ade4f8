import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assemblyFacts, standaloneProblems } from '../../scripts/export/standalone';

const ROOT = path.resolve(__dirname, '..', '..');
jest.setTimeout(180_000);

const runExport = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'export.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run export -- DIR', () => {
  let tmp: string;
  let result: ReturnType<typeof runExport>;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'export-test-'));
    result = runExport([path.join(tmp, 'out'), '-c', 'participantName=alice', '-c', 'alarmEmail=alice@example.com']);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('writes the template and PARAMETERS.md, nothing else, and says so', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(fs.readdirSync(path.join(tmp, 'out')).sort()).toEqual(['PARAMETERS.md', 'SecurityWorkshop.template.json']);
    const bytes = fs.statSync(path.join(tmp, 'out', 'SecurityWorkshop.template.json')).size;
    expect(result.stdout).toBe(
      `${path.join(tmp, 'out', 'SecurityWorkshop.template.json')}: ${bytes} bytes, 3 parameters, 25 outputs; no bootstrap, no assets, no nested stacks\n` +
        `${path.join(tmp, 'out', 'PARAMETERS.md')}\n`,
    );
  });

  test('the template stands alone; -c settings became the parameter defaults', () => {
    const template = JSON.parse(fs.readFileSync(path.join(tmp, 'out', 'SecurityWorkshop.template.json'), 'utf8'));
    expect(template.Parameters.BootstrapVersion).toBeUndefined();
    expect(template.Rules).toBeUndefined();
    expect(JSON.stringify(template)).not.toContain('cdk-bootstrap');
    expect(JSON.stringify(template)).not.toContain('cdk-hnb659fds');
    expect(Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::CloudFormation::Stack')).toEqual([]);
    expect(template.Parameters.ParticipantName).toMatchObject({ Default: 'alice', AllowedPattern: '^[A-Za-z0-9+=,.@_-]{1,32}$', MaxLength: 32 });
    expect(template.Parameters.AlarmEmail.Default).toBe('alice@example.com');
    expect(template.Parameters.TrustedAccountId.Default).toBe('');
    expect(JSON.stringify(template.Resources)).not.toContain('alice');
  });

  test('PARAMETERS.md: each parameter with default, allowed pattern and description; each output', () => {
    const md = fs.readFileSync(path.join(tmp, 'out', 'PARAMETERS.md'), 'utf8');
    const lines = md.split('\n');
    expect(lines[0]).toBe("# SecurityWorkshop: one participant's template");
    expect(lines).toContain('- Capabilities: `CAPABILITY_NAMED_IAM` (the template names its IAM group, user and roles).');
    expect(lines).toContain('- Region: `us-east-1` only: the subnets are in `us-east-1a`, `us-east-1b`, `us-east-1c` (written into the template).');
    expect(lines).toContain('- Synthesized with `-c participantName=alice -c alarmEmail=alice@example.com`; the parameters\' defaults come from those settings.');
    expect(lines).toContain(
      '| `ParticipantName` | `alice` | `^[A-Za-z0-9+=,.@_-]{1,32}$` | 32 | Participant name: prefix of the IAM group, user, password secret and cross-account role (&lt;name&gt;-RO-GROUP, &lt;name&gt;-RO, &lt;name&gt;-RO-console-password, &lt;name&gt;-CROSS-ACCOUNT-ROLE) and value of the workshop-participant tag |',
    );
    expect(lines).toContain(
      '| `AlarmEmail` | `alice@example.com` | `^([^\\s@]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})?$` | 254 | Email address subscribed to the flow-log alarm topic (the recipient confirms the subscription); empty for no subscription |',
    );
    expect(lines).toContain(
      '| `TrustedAccountId` | (empty) | `^(\\d{12})?$` | 12 | AWS account whose principals may assume &lt;name&gt;-CROSS-ACCOUNT-ROLE; empty for this account |',
    );
    // No AMI parameters: the images are pinned per imageSet by a custom resource, not resolved on every deploy.
    expect(lines.filter((l) => l.includes('AWS::SSM::Parameter::Value'))).toEqual([]);
    expect(lines).toContain('| `SwitchRoleUrl` | Console link to switch to the cross-account role |');
    expect(lines).toContain('| `WindowsSession` | Session Manager shell on Windows-instance-001 |');
    // Every output has a row and a description.
    const outputRows = lines.slice(lines.indexOf('## Outputs')).filter((l) => /^\| `/.test(l));
    expect(outputRows).toHaveLength(25);
    expect(outputRows.filter((l) => l.endsWith('|  |'))).toEqual([]);
  });

  test('usage: DIR is required (exit 2); a bad setting stops it (exit 1) before anything is written', () => {
    const none = runExport([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(
      'the directory to write to is missing\nusage: npm run export -- DIR [-c key=value ...]   (writes DIR/<stack>.template.json and DIR/PARAMETERS.md)\n',
    );
    const bad = runExport([path.join(tmp, 'bad'), '-c', 'participantName=al ice']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('participantName="al ice": must be 1-32 characters of A-Z a-z 0-9 + = , . @ _ - (IAM names;');
    expect(fs.existsSync(path.join(tmp, 'bad'))).toBe(false);
  });
});

describe('what makes a template stand alone', () => {
  const one = { stacks: ['SecurityWorkshop'], assets: [] };

  test('the workshop shape passes', () => {
    expect(standaloneProblems({ Parameters: {}, Resources: { A: { Type: 'AWS::SNS::Topic' } }, Outputs: { O: { Value: 'x' } } }, 1000, one)).toEqual([]);
  });

  test('each reason, literally', () => {
    const outputs = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`O${i}`, { Value: 'x' }]));
    const template = {
      Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } },
      Rules: { CheckBootstrapVersion: {} },
      Resources: { Child: { Type: 'AWS::CloudFormation::Stack' } },
      Outputs: outputs,
    };
    expect(standaloneProblems(template, 1_000_001, { stacks: ['A', 'B'], assets: ['asset.1234/index.js'] })).toEqual([
      'the app synthesizes 2 stacks (A, B): one template per account needs exactly one',
      'the template has 1000001 bytes: CloudFormation takes at most 1000000 (1 MB)',
      'the template has 51 outputs: a workshop platform takes at most 50',
      'the template has the BootstrapVersion parameter (an SSM parameter of the CDK bootstrap stack): CloudFormation fails with "Unable to fetch parameters" in an account that is not bootstrapped',
      'the template has the CheckBootstrapVersion rule: it needs the CDK bootstrap stack',
      'the template needs assets (asset.1234/index.js): they live in the CDK bootstrap bucket, which a participant account does not have',
      'the template has nested stacks (Child): their templates would be assets',
    ]);
  });

  test('assets are read from the asset manifests; the stack template itself is not one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-facts-'));
    try {
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
        artifacts: {
          'S.assets': { type: 'cdk:asset-manifest', properties: { file: 'S.assets.json' } },
          S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } },
        },
      }));
      fs.writeFileSync(path.join(dir, 'S.assets.json'), JSON.stringify({
        files: { a: { source: { path: 'S.template.json' } }, b: { source: { path: 'asset.b' } } },
        dockerImages: { c: { source: { directory: 'asset.c' } } },
      }));
      expect(assemblyFacts(dir)).toEqual({ stacks: ['S'], assets: ['asset.b', 'docker image asset.c'], templateFiles: { S: 'S.template.json' } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
