/**
 * StackSet operations of the fleet: the StackSet (create, or update when its template changed) and
 * its instances, one per roster line, touched only when missing, failed, outdated or given other
 * overrides. Operations queue (ManagedExecution Active) instead of colliding; a call refused with
 * OperationInProgressException is retried (bounded).
 */
import {
  CreateStackInstancesCommand,
  CreateStackSetCommand,
  DeleteStackInstancesCommand,
  DeleteStackSetCommand,
  DescribeStackSetCommand,
  StackInstanceSummary,
  StackSet,
  UpdateStackInstancesCommand,
  UpdateStackSetCommand,
} from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../operator/clients';
import { errorName } from '../operator/errors';
import { ADMINISTRATION_ROLE, EXECUTION_ROLE, roleArn } from './accounts';
import { sleep } from './progress';
import type { Participant } from './roster';
import { stackSetParameters, type Override } from './template';

export interface FleetTarget {
  readonly stackSet: string;
  readonly region: string;
  /** Service-managed over this organisational unit; self-managed when absent. */
  readonly ou?: string;
  readonly maxConcurrentPercent: number;
  readonly failureTolerancePercent: number;
}

export async function describeStackSet(c: AwsClients, name: string): Promise<StackSet | undefined> {
  try {
    return (await c.cfn.send(new DescribeStackSetCommand({ StackSetName: name }))).StackSet;
  } catch (e) {
    if (errorName(e) === 'StackSetNotFoundException' || /not found/i.test(String((e as Error).message))) return undefined;
    throw e;
  }
}

/** The same template (key order and whitespace aside). */
export function sameTemplate(a: string | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}

function preferences(t: FleetTarget) {
  return {
    MaxConcurrentPercentage: t.maxConcurrentPercent,
    FailureTolerancePercentage: t.failureTolerancePercent,
    ConcurrencyMode: 'SOFT_FAILURE_TOLERANCE' as const,
    RegionConcurrencyType: 'PARALLEL' as const,
  };
}

/** Retries a call CloudFormation refuses because another operation runs (bounded). */
async function queued<T>(call: () => Promise<T>, intervalMs: number, tries = 120): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await call();
    } catch (e) {
      if (errorName(e) !== 'OperationInProgressException' || i >= tries) throw e;
      await sleep(intervalMs);
    }
  }
}

/** Creates the StackSet, or updates it when its template differs. The operation id of an update, if any. */
export async function ensureStackSet(
  c: AwsClients, t: FleetTarget, admin: string, source: { TemplateBody: string } | { TemplateURL: string }, body: string, intervalMs: number,
): Promise<{ action: 'created' | 'updated' | 'unchanged'; operationId?: string }> {
  const existing = await describeStackSet(c, t.stackSet);
  const Parameters = stackSetParameters(JSON.parse(body));
  const roles = t.ou
    ? { PermissionModel: 'SERVICE_MANAGED' as const, AutoDeployment: { Enabled: false } }
    : { PermissionModel: 'SELF_MANAGED' as const, AdministrationRoleARN: roleArn(admin, ADMINISTRATION_ROLE), ExecutionRoleName: EXECUTION_ROLE };
  if (!existing) {
    await c.cfn.send(new CreateStackSetCommand({
      StackSetName: t.stackSet, ...source, Parameters, Capabilities: ['CAPABILITY_NAMED_IAM'], ManagedExecution: { Active: true }, ...roles,
      Description: 'AWS Security logging, monitoring and incident response workshop: one environment per participant account',
    }));
    return { action: 'created' };
  }
  if (sameTemplate(existing.TemplateBody, body)) return { action: 'unchanged' };
  const res = await queued(() => c.cfn.send(new UpdateStackSetCommand({
    StackSetName: t.stackSet, ...source, Parameters, Capabilities: ['CAPABILITY_NAMED_IAM'], ManagedExecution: { Active: true },
    OperationPreferences: preferences(t), ...(t.ou ? {} : { AdministrationRoleARN: roles.AdministrationRoleARN, ExecutionRoleName: EXECUTION_ROLE }),
  })), intervalMs);
  return { action: 'updated', operationId: res.OperationId };
}

export type InstanceAction = 'create' | 'update' | 'keep';

export interface InstancePlan {
  readonly participant: Participant;
  readonly action: InstanceAction;
  readonly why: string;
  readonly overrides: Override[];
}

const overridesKey = (o: readonly { ParameterKey?: string; ParameterValue?: string }[]) =>
  JSON.stringify([...o].map((x) => [x.ParameterKey, x.ParameterValue]).sort());

/** What each participant's instance needs, from the instances the StackSet has now. */
export function planInstances(roster: readonly Participant[], instances: readonly StackInstanceSummary[], region: string,
  overridesOf: (p: Participant) => Override[], current: Map<string, { ParameterKey?: string; ParameterValue?: string }[]> = new Map()): InstancePlan[] {
  return roster.map((participant) => {
    const overrides = overridesOf(participant);
    const inst = instances.find((i) => i.Account === participant.accountId && i.Region === region);
    if (!inst) return { participant, action: 'create', why: 'no stack instance yet', overrides };
    const detailed = inst.StackInstanceStatus?.DetailedStatus;
    if (inst.Status !== 'CURRENT' || (detailed && detailed !== 'SUCCEEDED')) {
      return { participant, action: 'update', why: `instance ${inst.Status}/${detailed ?? '-'}${inst.StatusReason ? `: ${inst.StatusReason}` : ''}`, overrides };
    }
    const now = current.get(participant.accountId);
    if (now && overridesKey(now) !== overridesKey(overrides)) return { participant, action: 'update', why: 'parameter overrides changed', overrides };
    return { participant, action: 'keep', why: 'CURRENT with the same template and overrides', overrides };
  });
}

/** Submits the create/update operations of a plan: participants with equal overrides share one. */
export async function applyPlan(c: AwsClients, t: FleetTarget, plan: readonly InstancePlan[], intervalMs: number): Promise<string[]> {
  const groups = new Map<string, InstancePlan[]>();
  for (const p of plan) {
    if (p.action === 'keep') continue;
    const key = `${p.action}:${overridesKey(p.overrides)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const ids: string[] = [];
  for (const group of groups.values()) {
    const accounts = group.map((p) => p.participant.accountId);
    const targets = t.ou
      ? { DeploymentTargets: { OrganizationalUnitIds: [t.ou], Accounts: accounts, AccountFilterType: 'INTERSECTION' as const } }
      : { Accounts: accounts };
    const input = { StackSetName: t.stackSet, Regions: [t.region], ...targets, OperationPreferences: preferences(t), ParameterOverrides: group[0].overrides };
    const res = await queued(() => c.cfn.send(group[0].action === 'create' ? new CreateStackInstancesCommand(input) : new UpdateStackInstancesCommand(input)), intervalMs);
    if (res.OperationId) ids.push(res.OperationId);
  }
  return ids;
}

/** Deletes the given accounts' instances (RetainStacks false). */
export async function deleteInstances(c: AwsClients, t: FleetTarget, accounts: readonly string[], intervalMs: number): Promise<string | undefined> {
  if (accounts.length === 0) return undefined;
  // Service-managed: only the roster's accounts of the OU, never every account in it.
  const targets = t.ou ? { DeploymentTargets: { OrganizationalUnitIds: [t.ou], Accounts: [...accounts], AccountFilterType: 'INTERSECTION' as const } } : { Accounts: [...accounts] };
  const res = await queued(() => c.cfn.send(new DeleteStackInstancesCommand({
    StackSetName: t.stackSet, Regions: [t.region], ...targets, RetainStacks: false, OperationPreferences: { ...preferences(t), FailureTolerancePercentage: 100 },
  })), intervalMs);
  return res.OperationId;
}

export async function deleteStackSet(c: AwsClients, name: string, intervalMs: number): Promise<void> {
  await queued(() => c.cfn.send(new DeleteStackSetCommand({ StackSetName: name })), intervalMs);
}
