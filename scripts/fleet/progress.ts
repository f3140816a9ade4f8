/**
 * Live progress of StackSet operations: polls DescribeStackSetOperation until every operation is
 * done (bounded: `maxPolls` polls `intervalMs` apart) and, on each poll, ListStackInstances, printing a
 * line for each account whose status changed (participant, account, status, reason). At the end,
 * every failed account with the first failure reason CloudFormation gave for it.
 */
import {
  DescribeStackSetOperationCommand,
  ListStackInstancesCommand,
  ListStackSetOperationResultsCommand,
  StackInstanceSummary,
} from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../operator/clients';
import type { Participant } from './roster';

export interface PollOptions {
  /** Time between polls (ms). Small in tests. */
  readonly intervalMs: number;
  /** Give up after this many polls (the operations keep running in CloudFormation). */
  readonly maxPolls: number;
  readonly log: (line: string) => void;
}

export interface AccountFailure {
  readonly participant?: string;
  readonly account: string;
  readonly reason: string;
}

export interface OperationsOutcome {
  /** Operation id -> final status (SUCCEEDED, FAILED, STOPPED, or the last seen when polling gave up). */
  readonly operations: Record<string, string>;
  readonly failures: AccountFailure[];
  readonly timedOut: boolean;
}

const DONE = new Set(['SUCCEEDED', 'FAILED', 'STOPPED']);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Every stack instance of the StackSet (all pages). */
export async function listInstances(c: AwsClients, stackSet: string): Promise<StackInstanceSummary[]> {
  const all: StackInstanceSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await c.cfn.send(new ListStackInstancesCommand({ StackSetName: stackSet, NextToken }));
    all.push(...(page.Summaries ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return all;
}

export function instanceLine(i: StackInstanceSummary, who?: string): string {
  const status = [i.Status, i.StackInstanceStatus?.DetailedStatus].filter(Boolean).join('/');
  const drift = i.DriftStatus && i.DriftStatus !== 'NOT_CHECKED' ? ` drift ${i.DriftStatus}` : '';
  return `  ${(who ?? '?').padEnd(16)} ${String(i.Account).padEnd(12)} ${status.padEnd(22)}${drift}${i.StatusReason ? `  ${i.StatusReason}` : ''}`;
}

/** Waits for the operations, printing per-account progress; collects failed accounts. */
export async function followOperations(
  c: AwsClients, stackSet: string, operationIds: readonly string[], roster: readonly Participant[], poll: PollOptions,
): Promise<OperationsOutcome> {
  const names = new Map(roster.map((p) => [p.accountId, p.name]));
  const accounts = new Set(roster.map((p) => p.accountId));
  const operations: Record<string, string> = {};
  const seen = new Map<string, string>();
  let timedOut = true;
  for (let n = 0; n < poll.maxPolls; n++) {
    for (const id of operationIds) {
      if (DONE.has(operations[id])) continue;
      const op = (await c.cfn.send(new DescribeStackSetOperationCommand({ StackSetName: stackSet, OperationId: id }))).StackSetOperation;
      operations[id] = op?.Status ?? 'UNKNOWN';
    }
    for (const i of await listInstances(c, stackSet)) {
      if (!accounts.has(i.Account ?? '')) continue;
      const line = instanceLine(i, names.get(i.Account!));
      if (seen.get(i.Account!) !== line) poll.log(line);
      seen.set(i.Account!, line);
    }
    if (operationIds.every((id) => DONE.has(operations[id]))) {
      timedOut = false;
      break;
    }
    await sleep(poll.intervalMs);
  }
  const failures: AccountFailure[] = [];
  const failed = new Set<string>();
  for (const id of operationIds) {
    let NextToken: string | undefined;
    do {
      const res = await c.cfn.send(new ListStackSetOperationResultsCommand({ StackSetName: stackSet, OperationId: id, NextToken }));
      for (const r of res.Summaries ?? []) {
        if (r.Status === 'SUCCEEDED' || failed.has(r.Account!)) continue;
        failed.add(r.Account!);
        failures.push({ participant: names.get(r.Account!), account: r.Account!, reason: `${r.Status}: ${r.StatusReason ?? 'no reason given'}` });
      }
      NextToken = res.NextToken;
    } while (NextToken);
  }
  return { operations, failures, timedOut };
}

export function formatFailures(failures: readonly AccountFailure[]): string {
  return failures.map((f) => `  ${(f.participant ?? '?').padEnd(16)} ${f.account.padEnd(12)} ${f.reason}`).join('\n');
}
