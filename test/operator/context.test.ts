/** The one reader of cdk.json / cdk.context.json (under `-c key=value`, see args.test.ts) that every operator command and verify use. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { operatorConfig } from '../../scripts/operator/context';

test('operatorConfig: cdk.context.json under cdk.json under the command line, as cdk reads them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'operator-context-'));
  try {
    fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ context: { participantName: 'from-cdk-json', natGateways: 3 } }));
    fs.writeFileSync(path.join(dir, 'cdk.context.json'), JSON.stringify({ participantName: 'from-context-file', logRetentionDays: 400 }));
    const config = operatorConfig({ natGateways: '1' }, path.join(dir, 'cdk.json'));
    expect([config.participantName, config.natGateways, config.logRetentionDays]).toEqual(['from-cdk-json', 1, 400]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('operatorConfig: an unknown setting is an error naming the nearest known one, as in bin/workshop.ts', () => {
  expect(() => operatorConfig({ natGateway: '1' })).toThrow('natGateway: unknown setting (did you mean natGateways?)');
  expect(() => operatorConfig({ '@aws-cdk/core:newStyleStackSynthesis': 'true', natGateways: '1' })).not.toThrow();
});
