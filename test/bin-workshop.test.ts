/** bin/workshop.ts as the CDK CLI runs it (a file of its own: its processes run beside test/workshop-app.test.ts's synth). */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { binRunOf } from './support/synthesized';

const ROOT = path.resolve(__dirname, '..');

describe('bin/workshop.ts as the CDK CLI runs it', () => {
  const run = (context: Record<string, string>) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-out-'));
    try {
      return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'workshop.ts')], {
        cwd: ROOT,
        env: { ...process.env, CDK_OUTDIR: out, CDK_CONTEXT_JSON: JSON.stringify(context) },
        encoding: 'utf8',
      });
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  };

  test('a bad -c value stops synth with a readable message and exit code 1, no stack trace', () => {
    const r = run({ natGateways: '2' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Invalid workshop configuration');
    expect(r.stderr).toContain('natGateways=2: must be 3 (the workshop: one per AZ) or 1');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a wrongly cased setting is refused', () => {
    const r = run({ natgateways: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('natgateways: unknown setting');
  });

  test('an unknown setting in any spelling is refused with the nearest known one; an empty value is refused, not defaulted', () => {
    const typo = run({ participant_name: 'alice' });
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('participant_name: unknown setting (did you mean participantName?)');
    const empty = run({ participantName: '' });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('participantName="": an empty value is not the default');
  });

  test('the default configuration synthesizes', () => {
    // The run that wrote the shared default assembly the other tests read (with the path metadata
    // the CLI turns on); run now if this file runs without the unit layer's globalSetup.
    const r = binRunOf({});
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
