/**
 * The configurations (CDK context, as given with -c key=value) that the unit tests read templates
 * of. The unit layer's globalSetup synthesizes each once per run; a test asking for another one
 * still works (it is synthesized on first use), but pays for a synth of its own.
 */
export const WAZUH_PRINCIPAL = 'arn:aws:iam::111122223333:role/wazuh-manager';

/**
 * Every optional setting set at once, each to a value whose effect the tests look for: one synth
 * instead of one per setting (each test checks only its own setting's effect).
 */
export const OPTIONAL_SETTINGS: Record<string, string> = {
  participantName: 'alice',
  alarmEmail: 'alice@example.com',
  trustedAccountId: '111122223333',
  sampleFindings: 'false',
  windowsInstanceType: 'm5.large',
  wazuhPrincipalArn: WAZUH_PRINCIPAL,
  rejectedFlowsAlarmThreshold: '250',
};

/** Day 2: the day-1 parts plus the day-2 parts, in one stack. */
export const DAY2: Record<string, string> = { day2: 'true' };

/** Day 2 with its optional settings: Detective on, AWS Config recording daily. */
export const DAY2_OPTIONS: Record<string, string> = { day2: 'true', detective: 'true', configRecording: 'daily' };

/** Day 2 with a domain: the web tier serves HTTPS with an ACM certificate and an alias record. */
export const DAY2_HTTPS: Record<string, string> = { day2: 'true', domainName: 'web.example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' };

export const CONFIGURATIONS: Record<string, unknown>[] = [{}, { natGateways: '1' }, OPTIONAL_SETTINGS, DAY2, DAY2_OPTIONS, DAY2_HTTPS];
