/**
 * verify: reads the deployed workshop back and compares it with the configuration the app is
 * synthesised from, part by part (./parts).
 *
 *   const { rows, ok } = await verifyEnvironment({ env: emulator.env });
 */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { awsClients, callerTarget, ConnectionOptions } from '../operator/clients';
import { operatorConfig } from '../operator/context';
import { compare, isOk } from './compare';
import { expectedRows } from './expected';
import { observe } from './observe';
import { VerifyResult } from './types';

export interface VerifyOptions extends ConnectionOptions {
  /** Like `cdk -c key=value` (strings are converted as on the command line), over cdk.json's context. */
  readonly context?: Record<string, unknown>;
  /** Default: <repo>/cdk.json (cdk.context.json is read from the same folder). */
  readonly cdkJsonPath?: string;
  /** Use this config instead of reading cdk.json + context. */
  readonly config?: WorkshopConfig;
  /** NOT RECORDED fails too. */
  readonly strict?: boolean;
}

export async function verifyEnvironment(opts: VerifyOptions = {}): Promise<VerifyResult> {
  const config = opts.config ?? operatorConfig(opts.context, opts.cdkJsonPath);
  const c = awsClients(config.region, opts);
  try {
    const target = await callerTarget(c);
    const expected = expectedRows(config, target);
    const observed = await observe(c, config, target);
    const rows = compare(expected, observed);
    return { rows, ok: isOk(rows, opts.strict), target: { account: target.account, region: config.region, endpoint: c.endpoint, emulator: c.emulator } };
  } finally {
    c.destroy();
  }
}

export { compare, compareRow, isOk, summarize } from './compare';
export { expectedRows, DEFAULT_FLOW_LOG_FORMAT } from './expected';
export { formatSummary, formatTable } from './format';
export type { ExpectedRow, Found, Observation, ResultRow, Status, VerifyResult } from './types';
