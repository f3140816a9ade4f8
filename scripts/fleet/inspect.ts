/**
 * `fleet status | verify | leftovers`: per participant, the StackSet's view of their instance, the
 * workshop's verify checks inside their account (through the execution role or `role`), and what
 * is left of the workshop there.
 */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { summarize } from '../verify/compare';
import { accountLeftovers, verifyInstance } from './account-checks';
import { AccountOutcome, adminClients, FleetConnection, forEachAccount } from './accounts';
import { instanceLine, listInstances } from './progress';
import type { Participant } from './roster';
import { describeStackSet } from './stackset';

export interface InspectOptions {
  readonly conn: FleetConnection;
  readonly config: WorkshopConfig;
  readonly roster: readonly Participant[];
  readonly stackSet: string;
  /** Role assumed in each account (default the StackSet execution role). */
  readonly role: string;
  readonly log: (line: string) => void;
}

/** The config a participant's environment was deployed with (the StackSet's parameter overrides). */
export function participantConfig(config: WorkshopConfig, p: Participant): WorkshopConfig {
  return { ...config, participantName: p.name, ...(p.email ? { alarmEmail: p.email } : {}) };
}

export async function fleetStatus(o: InspectOptions): Promise<number> {
  const c = adminClients(o.conn);
  try {
    const set = await describeStackSet(c, o.stackSet);
    if (!set) {
      o.log(`No StackSet ${o.stackSet} in ${o.conn.region}: nothing deployed (npm run fleet -- deploy --roster FILE).`);
      return 1;
    }
    o.log(`StackSet ${o.stackSet}: ${set.Status}, ${set.PermissionModel ?? 'SELF_MANAGED'}${set.StackSetDriftDetectionDetails?.DriftStatus ? `, drift ${set.StackSetDriftDetectionDetails.DriftStatus}` : ''}`);
    const instances = await listInstances(c, o.stackSet);
    let bad = 0;
    for (const p of o.roster) {
      const i = instances.find((x) => x.Account === p.accountId && x.Region === o.conn.region);
      if (!i) {
        bad++;
        o.log(`  ${p.name.padEnd(16)} ${p.accountId.padEnd(12)} NO INSTANCE`);
        continue;
      }
      if (i.Status !== 'CURRENT') bad++;
      o.log(instanceLine(i, p.name));
    }
    const extra = instances.filter((i) => !o.roster.some((p) => p.accountId === i.Account));
    for (const i of extra) o.log(`${instanceLine(i, '(not on roster)')}`);
    return bad ? 1 : 0;
  } finally {
    c.destroy();
  }
}

function reportErrors<T>(outcomes: AccountOutcome<T>[], log: (l: string) => void): number {
  let failed = 0;
  for (const o of outcomes) {
    if (o.ok) continue;
    failed++;
    log(`  ${o.participant.name.padEnd(16)} ${o.participant.accountId.padEnd(12)} ERROR ${o.error}`);
  }
  return failed;
}

export async function fleetVerify(o: InspectOptions): Promise<number> {
  const admin = adminClients(o.conn);
  try {
    const set = await describeStackSet(admin, o.stackSet);
    const instances = set ? await listInstances(admin, o.stackSet) : [];
    const stackIdOf = (account: string) => instances.find((i) => i.Account === account && i.Region === o.conn.region)?.StackId;
    const outcomes = await forEachAccount(o.conn, admin, o.roster, o.role, (c, p) =>
      verifyInstance(c, participantConfig(o.config, p), stackIdOf(p.accountId)));
    let mismatched = 0;
    for (const out of outcomes) {
      if (!out.ok) continue;
      const s = summarize(out.value.rows);
      const counts = `OK ${s.ok}, MISMATCH ${s.mismatch}, NOT RECORDED ${s.notRecorded}`;
      if (!out.value.ok) mismatched++;
      o.log(`  ${out.participant.name.padEnd(16)} ${out.participant.accountId.padEnd(12)} ${out.value.ok ? 'OK      ' : 'MISMATCH'} ${counts}`);
      for (const r of out.value.rows.filter((x) => x.status === 'MISMATCH').slice(0, 5)) o.log(`      MISMATCH ${r.check}: expected ${r.expected}, found ${r.found}`);
    }
    const errors = reportErrors(outcomes, o.log);
    o.log(`verify: ${o.roster.length - mismatched - errors} of ${o.roster.length} participant(s) OK`);
    return mismatched || errors ? 1 : 0;
  } finally {
    admin.destroy();
  }
}

export async function fleetLeftovers(o: InspectOptions): Promise<number> {
  const admin = adminClients(o.conn);
  try {
    const outcomes = await forEachAccount(o.conn, admin, o.roster, o.role, (c, p) => {
      const config = participantConfig(o.config, p);
      return accountLeftovers(c, config, o.stackSet);
    });
    let left = 0;
    let skipped = 0;
    for (const out of outcomes) {
      if (!out.ok) continue;
      const { items, skipped: s } = out.value;
      if (items.length) left++;
      if (s.length) skipped++;
      o.log(`  ${out.participant.name.padEnd(16)} ${out.participant.accountId.padEnd(12)} ${items.length ? `${items.length} LEFT: ${items.map((i) => `${i.kind} ${i.id}`).join(', ')}` : 'nothing left'}${s.length ? ` (${s.length} lookup(s) not made: ${s[0]})` : ''}`);
    }
    const errors = reportErrors(outcomes, o.log);
    if (left || errors) return 1;
    return skipped ? 2 : 0;
  } finally {
    admin.destroy();
  }
}
