/** Validation of the day-2 auto-block settings (blockSeverity, blockHours, blockSampleFindings, blockExemptCidrs). */
import { GUARDDUTY_SEVERITY, MAX_BLOCK_HOURS, MAX_EXEMPT_CIDRS } from '../auto-block';
import type { WorkshopConfig } from '../workshop-config';

type Bad = (setting: string, value: unknown, allowed: string) => void;

/** Parses an IPv4 CIDR (the one in validate-config); passed in, so this file imports nothing back. */
type ParseCidr = (text: string) => { prefix: number } | string;

export function validateAutoBlockSettings(c: WorkshopConfig, bad: Bad, parseCidr: ParseCidr): void {
  const severity = c.blockSeverity;
  if (typeof severity !== 'number' || !Number.isFinite(severity) || severity < GUARDDUTY_SEVERITY.min || severity > GUARDDUTY_SEVERITY.max) {
    bad('blockSeverity', severity, `must be a number from ${GUARDDUTY_SEVERITY.min} to ${GUARDDUTY_SEVERITY.max}, the lowest GuardDuty severity that blocks (low 1-3.9, medium 4-6.9, high 7-8.9, critical 9-10)`);
  }
  const hours = c.blockHours;
  if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < 1 || hours > MAX_BLOCK_HOURS) {
    bad('blockHours', hours, `must be a whole number of hours from 1 to ${MAX_BLOCK_HOURS} (how long a block lasts before the scheduled rule lifts it)`);
  }
  if (typeof c.blockSampleFindings !== 'boolean') {
    bad('blockSampleFindings', c.blockSampleFindings, 'must be true or false (true lets GuardDuty sample findings block their made-up addresses)');
  }
  const cidrs: unknown = c.blockExemptCidrs;
  if (!Array.isArray(cidrs) || cidrs.length > MAX_EXEMPT_CIDRS) {
    bad('blockExemptCidrs', cidrs, `must list at most ${MAX_EXEMPT_CIDRS} IPv4 CIDRs, comma-separated (addresses never blocked, e.g. the organiser's office 203.0.113.0/24)`);
    return;
  }
  for (const cidr of cidrs) {
    const parsed = typeof cidr === 'string' ? parseCidr(cidr) : 'is not an IPv4 CIDR such as 203.0.113.0/24';
    if (typeof parsed === 'string') bad('blockExemptCidrs', cidr, `${parsed} (addresses never blocked)`);
  }
}
