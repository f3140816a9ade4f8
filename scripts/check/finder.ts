/**
 * How the check finds what a participant built by hand: the way they name it (Name tags, IAM
 * names, the flow-log bucket's prefix), never through a stack and without the workshop tags the
 * app adds. It is verify's Observer (scripts/verify/observer.ts) with those look-ups replaced, so
 * the verify parts record the same rows for the same expected rows: one source of truth.
 */
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import type { Filter, Tag } from '@aws-sdk/client-ec2';
import { literalNames } from '../../lib/config/text-slips';
import { flowLogBucketName, workshopNames, WorkshopConfig } from '../../lib/config/workshop-config';
import type { AwsClients } from '../operator/clients';
import type { DeployTarget } from '../verify/labels';
import { InvestigationLookup, nameOf, Observer } from '../verify/observer';
import { Scope, scopeOf } from '../verify/part';
import { participantInvestigation } from './investigation-lookup';

/** A participant's name for a resource that the text names otherwise: accepted, and said. */
export interface SlipFound {
  readonly expected: string;
  readonly found: string;
}

export class ParticipantFinder extends Observer {
  /** Resources found under the text's literal name. */
  readonly slips: SlipFound[] = [];
  private readonly literal: ReadonlyMap<string, readonly string[]>;

  constructor(c: AwsClients, scope: Scope) {
    super(c, scope);
    this.literal = literalNames(scope.config);
  }

  /** Hand-built resources carry no workshop tags. */
  override ownFilters(): Filter[] {
    return [];
  }

  /** A service never switched on is a step not started, not a wrong one. */
  override offIsAbsent(): boolean {
    return true;
  }

  /** The participant's trail, tables, filter and alarm, found by what they do (./investigation-lookup). */
  override async investigationLookup(): Promise<InvestigationLookup> {
    return participantInvestigation(this, await super.investigationLookup());
  }

  /** Never through a stack: the check grades what the participant built. */
  override async physicalIdByNameTag(): Promise<string | undefined> {
    return undefined;
  }

  /** By the corrected Name tag, else by the text's literal one. */
  override async locate<T>(candidates: T[], _idOf: (t: T) => string | undefined, tagsOf: (t: T) => Tag[] | undefined, name: string): Promise<{ item?: T; how: string }> {
    for (const tried of [name, ...this.literalNamesOf(name)]) {
      const byName = candidates.filter((c) => nameOf(tagsOf(c)) === tried);
      if (byName.length === 0) continue;
      if (tried !== name) this.slips.push({ expected: name, found: tried });
      const how = [tried !== name ? `named ${tried}, as the text reads` : '', byName.length > 1 ? `${byName.length} with this Name tag, first used` : ''];
      return { item: byName[0], how: how.filter(Boolean).join('; ') };
    }
    return { how: '' };
  }

  /** Literal names accepted for `name` (its Name tag row). */
  literalNamesOf(name: string): readonly string[] {
    return this.literal.get(name) ?? [];
  }
}

/**
 * The flow-log bucket as a participant names it: the app's name (<prefix>-<account>-<region>),
 * else the first bucket whose name starts with the workshop's prefix; undefined when none does.
 */
export async function findFlowLogBucket(c: AwsClients, config: WorkshopConfig, account: string): Promise<string | undefined> {
  const exact = flowLogBucketName(config, account);
  const names = ((await c.s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name ?? '');
  if (names.includes(exact)) return exact;
  return names.filter((b) => b.startsWith(workshopNames(config).flowLogBucketPrefix)).sort()[0];
}

/** verify's scope, with the participant's flow-log bucket (when they named it otherwise). */
export function participantScope(config: WorkshopConfig, target: DeployTarget, bucket?: string): Scope {
  const scope = scopeOf(config, target);
  if (!bucket || bucket === scope.labels.bucket) return scope;
  return { ...scope, labels: { ...scope.labels, bucket, bucketLabel: `S3 bucket ${bucket}` } };
}
