/**
 * What is left of the workshop in an account after `npm run destroy` (after a clean destroy:
 * nothing). The one implementation behind `npm run leftovers`, `npm run verify -- --leftovers`
 * and the leftovers() export (npm run local, the end-to-end suite).
 *
 * Looks for:
 * - the app's stacks (names from the app itself, so every stack) and any other stack named
 *   <stackPrefix>-*;
 * - everything carrying the workshop tag: the Resource Groups Tagging API, then EC2 Describe*
 *   with tag filters, which also see what the Tagging API misses. Terminated instances, deleted
 *   NAT gateways and deleted stacks keep their tags for a while (on AWS too): not leftovers;
 * - what carries no tag of ours: the default VPC's Name tag; the named IAM group, user, roles and
 *   instance profile, and IAM roles named <stackPrefix>-*; the flow-log group and log groups named
 *   <stackPrefix>-* or /aws/lambda/<stackPrefix>-*; the flow-log bucket; the console-password secret;
 * - as INFO, for a human to judge and never a failure: GuardDuty detectors and Inspector EC2
 *   scanning (the app adopts what exists, so one still on may be the account's own), a secret
 *   scheduled for deletion.
 * A lookup that fails is listed in `skipped`; the others still run. The checks are one file per
 * workshop part under ./parts, listed in ./parts/index.ts.
 *
 * Known blind spot: an Elastic IP that the endpoint stored without tags (moto does not apply
 * stack tags to AWS::EC2::EIP) and that no NAT gateway uses any more cannot be told apart from
 * the account's other addresses; it is found only while it still carries the workshop tags.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Env } from '../../lib/aws/clients';
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { awsClients, AwsClients, Credentials } from '../operator/clients';
import { operatorConfig } from '../operator/context';
import { LEFTOVER_CHECKS } from './parts';
import { LeftoverReport, LeftoverScan } from './report';
import { FindOptions, Scan } from './scan';

export { formatLeftovers, leftoverExitCode } from './report';
export type { Leftover, LeftoverReport, LeftoverScan } from './report';
export type { FindOptions } from './scan';

export async function findLeftovers(config: WorkshopConfig, c: AwsClients, opts: FindOptions = {}, checks = LEFTOVER_CHECKS): Promise<LeftoverScan> {
  // Without credentials nothing can be checked: that is an error, not a skipped lookup.
  const account = (await c.sts.send(new GetCallerIdentityCommand({}))).Account!;
  const scan = new Scan(c, config, account, opts);
  for (const check of checks) await check.run(scan);
  return scan.result();
}

export interface LeftoverOptions extends FindOptions {
  /** Where to look: AWS_ENDPOINT_URL and credentials from this env (e.g. an Emulator's); default process.env. */
  readonly env?: Env;
  /** Override of the endpoint (default: env.AWS_ENDPOINT_URL). */
  readonly endpoint?: string;
  /** Another account's credentials (e.g. from an assumed role). */
  readonly credentials?: Credentials;
  /** Use this config instead of reading cdk.json + context. */
  readonly config?: WorkshopConfig;
  /** Like `cdk -c key=value`, over cdk.json's context. */
  readonly context?: Record<string, unknown>;
  /** Default: <repo>/cdk.json. */
  readonly cdkJsonPath?: string;
}

/** findLeftovers with its own clients, closed again: the configuration from cdk.json + context unless given. */
export async function scanLeftovers(opts: LeftoverOptions = {}): Promise<LeftoverScan> {
  const config = opts.config ?? operatorConfig(opts.context, opts.cdkJsonPath);
  const c = awsClients(config.region, opts);
  try {
    return await findLeftovers(config, c, { participant: opts.participant });
  } finally {
    c.destroy();
  }
}

/**
 * What of this deployment is left: `items` is empty after a clean destroy. The participant
 * defaults to the configured one (npm run leftovers looks at every participant's).
 *
 *   const { items, skipped } = await leftovers({ env: emulator.env });
 */
export async function leftovers(opts: LeftoverOptions = {}): Promise<LeftoverReport> {
  const config = opts.config ?? operatorConfig(opts.context, opts.cdkJsonPath);
  const { items, skipped } = await scanLeftovers({ ...opts, config, participant: opts.participant ?? config.participantName });
  return { items, skipped };
}
