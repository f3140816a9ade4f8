/** What `npm run leftovers` reports: leftovers, INFO for a human to judge, lookups not made; its text and exit code. */

export interface Leftover {
  /** e.g. "CloudFormation stack", "tagged VPC", "tagged ec2 resource" (Tagging API), "IAM role", "log group". */
  readonly kind: string;
  readonly id: string;
  /** The Name tag, where it has one. */
  readonly name?: string;
  /** How it was found. */
  readonly via: string;
  /** State, ARN, size: what a human needs to judge it. */
  readonly detail: string;
  /** What to do about it. */
  readonly action: string;
}

export interface LeftoverReport {
  /** What the destroy should have removed. Empty after a clean destroy. */
  readonly items: Leftover[];
  /** Lookups that could not be made (e.g. an operation the endpoint does not implement). */
  readonly skipped: string[];
}

export interface LeftoverScan extends LeftoverReport {
  /** For a human to judge (GuardDuty, Inspector, a secret pending deletion); never a failure. */
  readonly info: Leftover[];
}

export function formatLeftovers(scan: LeftoverScan): string {
  const lines: string[] = [];
  for (const l of scan.items) lines.push(`LEFTOVER ${l.kind}: ${l.id}${l.name ? ` (${l.name})` : ''}${l.detail ? ` - ${l.detail}` : ''}`, `         -> ${l.action}`);
  for (const l of scan.info) lines.push(`INFO     ${l.kind}: ${l.detail}`, `         -> ${l.action}`);
  for (const s of scan.skipped) lines.push(`NOT CHECKED ${s}`);
  lines.push(
    '',
    scan.items.length
      ? `${scan.items.length} leftover(s) that the destroy should have removed.`
      : scan.skipped.length
        ? `Nothing found, but ${scan.skipped.length} lookup(s) could not be made (NOT CHECKED above).`
        : 'Clean: nothing of the workshop is left (INFO lines are for a human to judge).',
  );
  return lines.join('\n');
}

/** 1: leftovers; 2: none found but some lookups could not be made; 0: clean. */
export function leftoverExitCode(scan: LeftoverScan): number {
  return scan.items.length ? 1 : scan.skipped.length ? 2 : 0;
}
