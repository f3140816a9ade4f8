import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The cfn-lint step (scripts/cfn-lint.sh) must be able to fail: the same runner, with the
// project's .cfnlintrc, on a template with a real error.
test('cfn-lint with the project settings reports a broken template', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-'));
  const file = path.join(dir, 'bad.template.json');
  fs.writeFileSync(file, JSON.stringify({ Resources: { Subnet: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlok: '10.0.1.0/24' } } } }));
  const root = path.resolve(__dirname, '..');
  const r = spawnSync(path.join(root, '.venv', 'bin', 'python'), ['-c', 'import sys; from cfnlint.runner import main; sys.argv = ["cfn-lint", *sys.argv[1:]]; sys.exit(main())', file], {
    cwd: root,
    encoding: 'utf8',
  });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(r.status).not.toBe(0);
  expect(r.stdout).toMatch(/E3002|E3003/);
});
