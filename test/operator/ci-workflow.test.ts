/** .github/workflows/ci.yml parses as YAML (with Python's yaml, as GitHub's parser would) and has the jobs and gates we rely on. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pythonForTools } from '../../scripts/emulator/emulator';
import { ROOT } from './support';

test('ci.yml: PR tests and diff; deploy only on main with a role configured, via OIDC', () => {
  const res = spawnSync(pythonForTools(), ['-c', 'import json, sys, yaml; d = yaml.safe_load(open(sys.argv[1])); d["on"] = d.pop(True); print(json.dumps(d))', path.join(ROOT, '.github/workflows/ci.yml')], { encoding: 'utf8' });
  expect(res.stderr).toBe('');
  const wf = JSON.parse(res.stdout);
  expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
  expect(wf.on.push.branches).toEqual(['main']);
  const test = wf.jobs.test;
  const uses = test.steps.map((s: { uses?: string }) => s.uses).filter(Boolean);
  expect(uses).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/setup-python@v5']);
  expect(test.steps[0].with['fetch-depth']).toBe(0);
  expect(test.steps[1].with).toEqual({ 'node-version': 20, cache: 'npm' });
  expect(test.steps[2].with['python-version']).toBe('3.11');
  const runs = test.steps.map((s: { run?: string }) => s.run).filter(Boolean);
  expect(runs).toEqual(['npm ci', 'bash scripts/setup-python.sh', 'npm test', 'npm run diff -- --base "origin/${{ github.base_ref }}"']);
  const deploy = wf.jobs.deploy;
  expect(deploy.needs).toBe('test');
  expect(deploy.if).toContain("vars.AWS_DEPLOY_ROLE_ARN != ''");
  expect(deploy.permissions['id-token']).toBe('write');
  const creds = deploy.steps.find((s: { uses?: string }) => s.uses?.startsWith('aws-actions/configure-aws-credentials'));
  expect(creds.with['role-to-assume']).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
  expect(deploy.steps.at(-1).run).toContain('cdk deploy --require-approval never');
});
