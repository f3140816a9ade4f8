/**
 * Preflight: what `cdk deploy` needs from the target account and region, checked before
 * the deploy rather than discovered half-way through it. Every check (one file under ./checks,
 * listed in ./checks/index.ts) returns findings with a level, what was found and what to do;
 * only a BLOCKER makes the command fail.
 */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { errorMessage, errorName } from '../operator/errors';
import { checkIdentity, PREFLIGHT_CHECKS } from './checks/index';
import { Finding, Level, PreflightClients } from './types';

export type { Finding, Level, PreflightCheck, PreflightClients, PreflightContext } from './types';
export { DEFAULT_QUOTAS } from './quota';

/** Runs every check; a check that throws becomes a finding of its own instead of ending the run. */
export async function runPreflight(config: WorkshopConfig, clients: PreflightClients, checks = PREFLIGHT_CHECKS): Promise<Finding[]> {
  const out: Finding[] = [];
  const identity = await checkIdentity({ config, c: clients }, out);
  if (!identity) return out;
  const ctx = { config, c: clients, account: identity.account };
  for (const { check, run } of checks) {
    try {
      await run(ctx, out);
    } catch (e) {
      out.push({
        level: 'WARN',
        check,
        found: `could not check: ${errorName(e)}: ${errorMessage(e)}`,
        action: 'check it by hand, or give the credentials read access (ec2:Describe*, servicequotas:GetServiceQuota)',
      });
    }
  }
  return out;
}

export function hasBlocker(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.level === 'BLOCKER');
}

export function formatFindings(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.level.padEnd(7)} ${f.check}: ${f.found}`);
    if (f.action) lines.push(`        -> ${f.action}`);
  }
  const count = (l: Level) => findings.filter((f) => f.level === l).length;
  lines.push('');
  lines.push(
    hasBlocker(findings)
      ? `Preflight: ${count('BLOCKER')} blocker(s), ${count('WARN')} warning(s). Fix the blockers before 'cdk deploy'.`
      : `Preflight: no blockers, ${count('WARN')} warning(s). Ready for 'cdk deploy'.`,
  );
  return lines.join('\n');
}
