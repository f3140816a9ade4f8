/**
 * What the leftover checks (./parts) record with: the clients, the config's names, the account,
 * the lists being filled (each resource once, by id), and the guarded lookups (a lookup that
 * fails is listed in `skipped`; the others still run).
 */
import type { Tag } from '@aws-sdk/client-ec2';
import { flowLogBucketName, PARTICIPANT_TAG_KEY, WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE, WorkshopConfig, workshopNames, WorkshopNames } from '../../lib/config/workshop-config';
import type { AwsClients } from '../operator/clients';
import { errorMessage, errorName, guardedRead, isNotFound } from '../operator/errors';
import { Leftover, LeftoverScan } from './report';

export interface FindOptions {
  /** Only resources of this participant (workshop-participant tag); default: every participant. */
  readonly participant?: string;
}

export class Scan {
  readonly names: WorkshopNames;
  readonly region: string;
  /** Stacks, roles and log groups named <stack>-* are the workshop's. */
  readonly prefix: string;
  /** The workshop tags (and the participant's, when one was asked for). */
  readonly tagFilters: { Key: string; Values: string[] }[];
  readonly items: Leftover[] = [];
  readonly info: Leftover[] = [];
  readonly skipped: string[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly c: AwsClients,
    readonly config: WorkshopConfig,
    readonly account: string,
    opts: FindOptions = {},
  ) {
    this.names = workshopNames(config);
    this.region = config.region;
    this.prefix = `${this.names.stack}-`;
    this.tagFilters = [{ Key: WORKSHOP_TAG_KEY, Values: [WORKSHOP_TAG_VALUE] }, ...(opts.participant ? [{ Key: PARTICIPANT_TAG_KEY, Values: [opts.participant] }] : [])];
  }

  /** The flow-log bucket of this account. */
  get bucket(): string {
    return flowLogBucketName(this.config, this.account);
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** Lists a leftover (or, with `to = this.info`, something for a human to judge) once. */
  add(l: Leftover, to: Leftover[] = this.items): void {
    if (this.seen.has(l.id)) return;
    this.seen.add(l.id);
    to.push(l);
  }

  /** A lookup; its failure goes to `skipped`. */
  attempt(what: string, fn: () => Promise<void>): Promise<void> {
    return this.record(what, fn);
  }

  /** A lookup by name: not found is the answer we hope for. */
  lookup(what: string, fn: () => Promise<void>): Promise<void> {
    return this.record(what, fn, isNotFound);
  }

  private async record(what: string, fn: () => Promise<void>, isAbsent?: (e: unknown) => boolean): Promise<void> {
    const outcome = await guardedRead(fn, isAbsent);
    if (outcome.kind === 'not-implemented') this.skipped.push(`${what}: not implemented by the endpoint`);
    else if (outcome.kind === 'error') this.skipped.push(`${what}: ${errorName(outcome.error)}: ${errorMessage(outcome.error)}`);
  }

  result(): LeftoverScan {
    return { items: this.items, info: this.info, skipped: this.skipped };
  }
}

/** One leftover check: what it looks for, recorded into the scan. */
export interface LeftoverCheck {
  readonly name: string;
  run(s: Scan): Promise<void>;
}

/** A stack that no longer counts: never there, or deleted. */
export const stackGone = (status: string | undefined) => !status || status === 'DELETE_COMPLETE';

/** The Name tag of an EC2 resource. */
export const nameOf = (tags: Tag[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value;
