/**
 * The auto-block part's table (workshop day 2: "GuardDuty automatically blocks suspicious hosts",
 * after the AWS Security blog post "How to use Amazon GuardDuty and AWS WAF to automatically block
 * suspicious hosts"): what the constructs create, and what the handler, verify and the demo read.
 */

/** EventBridge: what GuardDuty sends for each finding (and each update of one). */
export const GUARDDUTY_FINDING_EVENT = { source: 'aws.guardduty', detailType: 'GuardDuty Finding' } as const;

/**
 * The network ACL of the public subnets: an allow-all baseline in each direction at a high rule
 * number, and a reserved range of inbound rule numbers for DENY entries, one per blocked host.
 * Ten blocks (as the reference solution's range): the default quota is 20 rules per direction, so
 * the range, the baseline and an organiser's own rule fit; the oldest block makes room for a new one.
 */
export const BLOCK_ACL = {
  baselineRuleNumber: 32000,
  firstBlockRule: 100,
  lastBlockRule: 109,
} as const;

/** How often the scheduled rule lifts blocks older than blockHours. */
export const EXPIRY_SCHEDULE_MINUTES = 15;

/** GuardDuty severities: low 1.0-3.9, medium 4.0-6.9, high 7.0-8.9, critical 9.0-10.0. */
export const GUARDDUTY_SEVERITY = { min: 1, max: 10 } as const;

/** Exempt CIDRs at most: they travel in the function's environment (4 KB for all variables). */
export const MAX_EXEMPT_CIDRS = 20;

/** The longest block: one week (the reference solution's maximum retention). */
export const MAX_BLOCK_HOURS = 168;
