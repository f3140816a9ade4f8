/**
 * Custom resource: Amazon Inspector (v2) EC2 scanning for the own account. Enabled on
 * Create unless it already is, and disabled on Delete only if this stack enabled it.
 *
 * Enable and Disable are asynchronous (the status passes through ENABLING or DISABLING,
 * and a call made meanwhile fails with ENABLE_IN_PROGRESS or DISABLE_IN_PROGRESS): the
 * handler waits, bounded, for a steady status before it acts and before it answers, so a
 * destroy right after a deploy, or a rollback right after a create, finds Inspector settled.
 * A member account of an organization cannot disable Inspector (its administrator
 * decides): Delete then leaves it on and logs why.
 *
 * Properties: none
 * PhysicalResourceId: 'inspector2-ec2:enabled-by-stack' | 'inspector2-ec2:preexisting'
 * Data: { EnabledByStack: 'true' | 'false' }
 */
import {
  BatchGetAccountStatusCommand,
  DisableCommand,
  EnableCommand,
  FailedAccount,
  Inspector2Client,
} from '@aws-sdk/client-inspector2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, isAwsError, lambdaHandler, OnEventResult } from './custom-resource';

export interface InspectorEc2ScanningClients {
  inspector2: Inspector2Client;
  sts: STSClient;
}

/** How long to wait for a steady status, and how often to look (the Lambda's timeout is 5 minutes). */
export interface SteadyWait {
  readonly intervalMs: number;
  readonly timeoutMs: number;
}
export const STEADY_WAIT: SteadyWait = { intervalMs: 5_000, timeoutMs: 240_000 };

const ENABLED_BY_STACK = 'inspector2-ec2:enabled-by-stack';
const PREEXISTING = 'inspector2-ec2:preexisting';
/** Statuses that change by themselves (Inspector is still acting on an earlier request). */
const TRANSITIONAL = ['ENABLING', 'DISABLING', 'SUSPENDING'];
/** Failure codes of Enable and Disable that mean "an earlier request is still running: ask again once it settled". */
const IN_PROGRESS = ['ENABLE_IN_PROGRESS', 'DISABLE_IN_PROGRESS', 'SUSPEND_IN_PROGRESS'];

const describeFailed = (failed: FailedAccount[]) => failed.map((f) => `${f.accountId}: ${f.errorCode}: ${f.errorMessage}`).join('; ');

const result = (id: string): OnEventResult => ({
  PhysicalResourceId: id,
  Data: { EnabledByStack: String(id === ENABLED_BY_STACK) },
});

class Ec2Scanning {
  constructor(
    private readonly inspector2: Inspector2Client,
    private readonly account: string,
    private readonly wait: SteadyWait,
  ) {}

  /** The account's EC2 scanning status; an account Inspector never saw is DISABLED. */
  async status(): Promise<string> {
    const out = await call('Inspector2 BatchGetAccountStatus', this.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: [this.account] })));
    if (out.failedAccounts?.length) throw new Error(`Inspector2 BatchGetAccountStatus failed: ${describeFailed(out.failedAccounts)}`);
    return out.accounts?.find((a) => a.accountId === this.account)?.resourceState?.ec2?.status ?? 'DISABLED';
  }

  /** Waits (bounded) until the status is steady, or is `wanted` when given; returns it. */
  async settled(wanted?: string): Promise<string> {
    const deadline = Date.now() + this.wait.timeoutMs;
    for (;;) {
      const status = await this.status();
      if (wanted ? status === wanted : !TRANSITIONAL.includes(status)) return status;
      if (Date.now() >= deadline) {
        throw new Error(`Inspector EC2 scanning is still ${status} after ${Math.round(this.wait.timeoutMs / 1000)} s${wanted ? ` (waited for ${wanted})` : ''}: run the deploy or destroy again in a few minutes`);
      }
      await new Promise((r) => setTimeout(r, this.wait.intervalMs));
    }
  }

  /**
   * Enable or Disable, asked again while an earlier request is in progress (bounded).
   * Returns the failures that remain (none when the call was accepted).
   */
  async request(operation: 'Enable' | 'Disable'): Promise<FailedAccount[]> {
    const deadline = Date.now() + this.wait.timeoutMs;
    for (;;) {
      const input = { accountIds: [this.account], resourceTypes: ['EC2' as const] };
      const out = operation === 'Enable'
        ? await call('Inspector2 Enable', this.inspector2.send(new EnableCommand(input)))
        : await call('Inspector2 Disable', this.inspector2.send(new DisableCommand(input)));
      const failed = out.failedAccounts ?? [];
      if (!failed.some((f) => IN_PROGRESS.includes(f.errorCode ?? '')) || Date.now() >= deadline) return failed;
      await this.settled();
    }
  }
}

/** AWS's answer to a member account's Disable: its organization's administrator decides. */
function isMemberRefusal(e: unknown, failed: FailedAccount[]): string | undefined {
  const denied = failed.find((f) => f.errorCode === 'ACCESS_DENIED');
  if (denied) return `${denied.errorCode}: ${denied.errorMessage}`;
  if (isAwsError(e, 'AccessDeniedException', 'ValidationException') && /member|administrator|organization/i.test((e as Error).message)) return (e as Error).message;
  return undefined;
}

async function disable(scanning: Ec2Scanning): Promise<void> {
  if ((await scanning.settled()) === 'DISABLED') return;
  let failed: FailedAccount[] = [];
  try {
    failed = await scanning.request('Disable');
  } catch (e) {
    const why = isMemberRefusal(e, []);
    if (!why) throw e;
    console.log(`Inspector EC2 scanning left enabled: this account cannot disable it (${why}); its organization's Inspector administrator can`);
    return;
  }
  const why = isMemberRefusal(undefined, failed);
  if (why) {
    console.log(`Inspector EC2 scanning left enabled: this account cannot disable it (${why}); its organization's Inspector administrator can`);
    return;
  }
  if (failed.length) throw new Error(`Inspector2 Disable failed: ${describeFailed(failed)}`);
  await scanning.settled('DISABLED');
}

export async function onEvent(
  event: CustomResourceEvent<Record<string, never>>,
  clients?: InspectorEc2ScanningClients,
  wait: SteadyWait = STEADY_WAIT,
): Promise<OnEventResult> {
  const { inspector2, sts } = clients ?? { inspector2: new Inspector2Client(clientConfig()), sts: new STSClient(clientConfig()) };
  const physicalId = event.PhysicalResourceId ?? event.LogicalResourceId;
  if (event.RequestType === 'Update') return result(physicalId);
  if (event.RequestType === 'Delete' && physicalId !== ENABLED_BY_STACK) return { PhysicalResourceId: physicalId };

  const { Account } = await call('STS GetCallerIdentity', sts.send(new GetCallerIdentityCommand({})));
  const scanning = new Ec2Scanning(inspector2, Account!, wait);
  if (event.RequestType === 'Delete') {
    await disable(scanning);
    return { PhysicalResourceId: physicalId };
  }
  if ((await scanning.settled()) === 'ENABLED') return result(PREEXISTING);
  const failed = await scanning.request('Enable');
  if (failed.length) throw new Error(`Inspector2 Enable failed: ${describeFailed(failed)}`);
  await scanning.settled('ENABLED');
  return result(ENABLED_BY_STACK);
}

export const handler = lambdaHandler(onEvent);
