/**
 * A room's deploy time: StackSets deploys one stack per participant account, up to
 * --max-concurrent-percent of them at once, so the wall time is one template's estimate
 * (deploy-time.ts, "as one template") per wave. The one function that both `fleet deploy --dry-run`
 * and `npm run bench` use.
 */
import { estimateAssembly, StackGraph } from './deploy-time';

/** Accounts deployed side by side, and the waves that makes for `accounts` accounts (StackSets rounds down, at least 1). */
export function waves(accounts: number, maxConcurrentPercent: number): { concurrent: number; waves: number } {
  const concurrent = Math.max(1, Math.floor((accounts * maxConcurrentPercent) / 100));
  return { concurrent, waves: accounts === 0 ? 0 : Math.ceil(accounts / concurrent) };
}

/** deploy-time.ts's figure for the synthesized stacks as one template (slowest chain + stack overhead), in seconds. */
export function oneTemplateSeconds(graphs: StackGraph[]): number {
  return estimateAssembly(graphs).oneTemplate.seconds;
}

export interface RoomTime {
  /** One participant's stack (the one-template figure). */
  readonly perInstance: number;
  readonly concurrent: number;
  readonly waves: number;
  readonly seconds: number;
}

/** The room's wall time: `perInstance` seconds per wave of the concurrency. */
export function roomDeployTime(perInstance: number, participants: number, maxConcurrentPercent: number): RoomTime {
  const w = waves(participants, maxConcurrentPercent);
  return { perInstance, ...w, seconds: perInstance * w.waves };
}

export const minutes = (s: number) => `${Math.round(s / 60)} min (${Math.round(s)} s)`;

/** "N participants: T = W wave(s) of up to C account(s) x ~P per instance". */
export function roomTimeLine(participants: number, t: RoomTime): string {
  return `${participants} participants: ${minutes(t.seconds)} = ${t.waves} wave(s) of up to ${t.concurrent} account(s) x ~${minutes(t.perInstance)} per instance`;
}
