/** The one reader of `-c key=value` and cdk.json / cdk.context.json that every operator command and verify use. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { operatorConfig, parseArgs } from '../../scripts/operator/context';

test('parseArgs: context pairs in every CDK form, passed on to cdk; the rest as flags and positionals', () => {
  expect(parseArgs(['-c', 'natGateways=1', '--participant', 'alice', '--context=vpcCidr=10.2.0.0/16', '--json', 'extra'])).toEqual({
    context: { natGateways: '1', vpcCidr: '10.2.0.0/16' },
    cdkContextArgs: ['-c', 'natGateways=1', '-c', 'vpcCidr=10.2.0.0/16'],
    flags: { participant: 'alice', json: 'extra' },
    positional: [],
  });
  expect(() => parseArgs(['-c', '=1'])).toThrow(/-c expects key=value/);
});

test('operatorConfig: cdk.context.json under cdk.json under the command line, as cdk reads them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'operator-context-'));
  try {
    fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ context: { participantName: 'from-cdk-json', natGateways: 3 } }));
    fs.writeFileSync(path.join(dir, 'cdk.context.json'), JSON.stringify({ participantName: 'from-context-file', logRetentionDays: 14 }));
    const config = operatorConfig({ natGateways: '1' }, path.join(dir, 'cdk.json'));
    expect([config.participantName, config.natGateways, config.logRetentionDays]).toEqual(['from-cdk-json', 1, 14]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
