/**
 * What the verify parts record observations with: the clients, the scope, the guarded reads
 * (an error becomes the resource's `exists` row, an unimplemented call NOT RECORDED), how a
 * resource is found (Name tag plus the workshop tags; where a resource carries no Name tag, an
 * emulator may drop it, through its stack: the deployed template says which logical id has that
 * Name tag, DescribeStackResources gives its physical id), and what earlier parts found (ids ->
 * display names, the VPC's id) for later ones.
 */
import { DescribeStackResourcesCommand, DescribeStacksCommand, GetTemplateCommand, StackResource } from '@aws-sdk/client-cloudformation';
import type { Filter, Tag } from '@aws-sdk/client-ec2';
import { PARTICIPANT_TAG_KEY, WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE, type WorkshopConfig } from '../../lib/config/workshop-config';
import type { AwsClients } from '../operator/clients';
import { errorMessage, errorName, guardedRead } from '../operator/errors';
import { NOT_FOUND } from './compare';
import type { Scope } from './part';
import { EXISTS, Found, Observation, rowKey } from './types';

export const nameOf = (tags: Tag[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value;

export const workshopFilters = (config: WorkshopConfig): Filter[] => [
  { Name: `tag:${WORKSHOP_TAG_KEY}`, Values: [WORKSHOP_TAG_VALUE] },
  { Name: `tag:${PARTICIPANT_TAG_KEY}`, Values: [config.participantName] },
];

/** A policy statement's Action / Resource / Principal.Service as a list. */
export const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

export interface PolicyStatement {
  Effect?: string;
  Action?: string | string[];
  Resource?: string | string[];
  Principal?: string | { Service?: string | string[] };
}

/** A policy document as IAM (URL-encoded JSON) or S3 (JSON) returns it. */
export function policyStatements(document: string | undefined): PolicyStatement[] {
  if (!document) return [];
  const text = document.trimStart().startsWith('{') ? document : decodeURIComponent(document);
  const statements = JSON.parse(text).Statement;
  return Array.isArray(statements) ? statements : statements ? [statements] : [];
}

/** What the investigation part reads, by name: the app's names, or what a participant's finder found. */
export interface InvestigationLookup {
  readonly trail: string;
  readonly glueDatabase: string;
  readonly flowLogTable: string;
  readonly cloudTrailTable: string;
  /** The metric filter on the flow-log group that counts REJECT records. */
  readonly rejectedFlowsFilter: string;
  readonly rejectedFlowsAlarm: string;
  readonly alarmTopicArn: string;
}

type DeployedStack = { template: { Resources?: Record<string, { Type?: string; Properties?: { Tags?: Tag[] } }> }; resources: StackResource[] };

export class Observer {
  readonly observation: Observation = new Map();
  /** Resource id -> the expected name it was found as (for routes, associations, subnets of instances). */
  readonly ids = new Map<string, string>();
  /** The workshop VPC's id, once the network part found it. */
  vpcId?: string;
  private readonly stacks = new Map<string, Promise<DeployedStack | undefined>>();
  private outputs?: Promise<Record<string, string>>;

  constructor(
    readonly c: AwsClients,
    readonly scope: Scope,
  ) {}

  get config(): WorkshopConfig {
    return this.scope.config;
  }

  set(resource: string, attribute: string, found: Found): void {
    this.observation.set(rowKey(resource, attribute), found);
  }

  val(resource: string, attribute: string, value: unknown, detail?: string): void {
    this.set(resource, attribute, { value: String(value), ...(detail ? { detail } : {}) });
  }

  exists(resource: string, item: unknown, detail?: string): void {
    this.val(resource, EXISTS, item ? 'yes' : NOT_FOUND, detail || undefined);
  }

  /** Runs one resource's reads; an error becomes that resource's `exists` row (or NOT RECORDED when unimplemented). */
  guard(resource: string, fn: () => Promise<void>): Promise<void> {
    return this.read(resource, fn);
  }

  /** guard, and exists = no when the read fails with one of these error names. */
  absentOn(resource: string, names: RegExp, fn: () => Promise<void>): Promise<void> {
    return this.read(resource, fn, (e) => names.test(errorName(e)));
  }

  private async read(resource: string, fn: () => Promise<void>, isAbsent?: (e: unknown) => boolean): Promise<void> {
    const outcome = await guardedRead(fn, isAbsent);
    if (outcome.kind === 'absent') this.exists(resource, false);
    else if (outcome.kind === 'not-implemented') {
      this.set(resource, EXISTS, { notRecorded: `the endpoint does not implement a call verify needs: ${errorMessage(outcome.error)}` });
    } else if (outcome.kind === 'error') this.val(resource, EXISTS, `error: ${errorName(outcome.error)}`, errorMessage(outcome.error));
  }

  /**
   * Filters for "made for this participant's workshop": the workshop tags the app puts on everything.
   * A finder for hand-built resources (scripts/check/finder.ts) has none to offer.
   */
  ownFilters(): Filter[] {
    return workshopFilters(this.config);
  }

 /**
   * Whether a service that is switched off (Inspector never enabled) reads as not there rather than
   * as a wrong status: false for verify (a deployed workshop with it off is wrong); a participant's
   * finder says true (a step not started yet).
   */
  offIsAbsent(): boolean {
    return false;
  }

  /** The names the investigation part reads: the app's own. A participant's finder finds theirs. */
  async investigationLookup(): Promise<InvestigationLookup> {
    const inv = this.scope.names.investigation;
    return {
      trail: inv.trail,
      glueDatabase: inv.glueDatabase,
      flowLogTable: inv.flowLogTable,
      cloudTrailTable: inv.cloudTrailTable,
      rejectedFlowsFilter: inv.rejectedFlowsMetric,
      rejectedFlowsAlarm: inv.rejectedFlowsAlarm,
      alarmTopicArn: this.scope.arn('sns', inv.alarmTopic),
    };
  }

  /** Filters for "in the workshop VPC" (its tags while the VPC was not found). */
  inVpc(): Filter[] {
    return this.vpcId ? [{ Name: 'vpc-id', Values: [this.vpcId] }] : this.ownFilters();
  }

  private deployed(stack: string): Promise<DeployedStack | undefined> {
    let p = this.stacks.get(stack);
    if (!p) {
      p = (async () => {
        try {
          const [t, r] = await Promise.all([
            this.c.cfn.send(new GetTemplateCommand({ StackName: stack, TemplateStage: 'Original' })),
            this.c.cfn.send(new DescribeStackResourcesCommand({ StackName: stack })),
          ]);
          return { template: JSON.parse(t.TemplateBody ?? '{}'), resources: r.StackResources ?? [] };
        } catch {
          return undefined;
        }
      })();
      this.stacks.set(stack, p);
    }
    return p;
  }

  /**
   * The workshop stack's outputs, OutputKey -> OutputValue, read once for all parts; none when the
   * stack is missing (the stack row says so).
   */
  stackOutputs(): Promise<Record<string, string>> {
    this.outputs ??= this.c.cfn
      .send(new DescribeStacksCommand({ StackName: this.scope.names.stack }))
      .then((r) => Object.fromEntries((r.Stacks?.[0]?.Outputs ?? []).map((x) => [x.OutputKey ?? '', x.OutputValue ?? ''])))
      .catch(() => ({}));
    return this.outputs;
  }

  /** Physical id of the workshop stack's resource of `type` whose template Tags has Name=`name`. */
  async physicalIdByNameTag(type: string, name: string, stack = this.scope.names.stack): Promise<string | undefined> {
    const s = await this.deployed(stack);
    if (!s) return undefined;
    const entry = Object.entries(s.template.Resources ?? {}).find(
      ([, r]) => r.Type === type && (r.Properties?.Tags ?? []).some((t) => t.Key === 'Name' && t.Value === name),
    );
    if (!entry) return undefined;
    return s.resources.find((r) => r.LogicalResourceId === entry[0])?.PhysicalResourceId;
  }

  /** Finds one resource by Name tag among candidates, else through the stack. */
  async locate<T>(
    candidates: T[],
    idOf: (t: T) => string | undefined,
    tagsOf: (t: T) => Tag[] | undefined,
    name: string,
    viaStack: () => Promise<string | undefined>,
  ): Promise<{ item?: T; how: string }> {
    const byName = candidates.filter((c) => nameOf(tagsOf(c)) === name);
    if (byName.length > 0) return { item: byName[0], how: byName.length > 1 ? `${byName.length} with this Name tag, first used` : '' };
    const id = await viaStack();
    const item = id ? candidates.find((c) => idOf(c) === id) : undefined;
    return { item, how: item ? 'found through its stack' : '' };
  }
}
