/**
 * The configurations (CDK context, as given with -c key=value) that the unit tests read templates
 * of. The unit layer's globalSetup synthesizes each once per run; a test asking for another one
 * still works (it is synthesized on first use), but pays for a synth of its own.
 */
export const WAZUH_PRINCIPAL = 'arn:aws:iam::111122223333:role/wazuh-manager';

export const CONFIGURATIONS: Record<string, unknown>[] = [
  {},
  { natGateways: '1' },
  { sampleFindings: 'false' },
  { participantName: 'alice' },
  { participantName: 'alice', alarmEmail: 'alice@example.com', trustedAccountId: '111122223333' },
  { trustedAccountId: '111122223333' },
  { windowsInstanceType: 'm5.large' },
  { alarmEmail: 'secops@example.com', wazuhPrincipalArn: WAZUH_PRINCIPAL, rejectedFlowsAlarmThreshold: '250' },
  { wazuhPrincipalArn: WAZUH_PRINCIPAL },
];
