/**
 * The values that differ between participants in one room, as CloudFormation parameters of the
 * one template: defaulted from the settings (so plain `cdk deploy` deploys what it did before),
 * overridden per account by a StackSet or a workshop platform. Validated like the settings: the
 * same patterns, as CloudFormation AllowedPattern and MaxLength (and by the roster check,
 * lib/config/roster.ts, before a fleet command hands them over).
 *
 * Pure data: the stack turns it into CfnParameters, `npm run export` into PARAMETERS.md, the fleet
 * commands use the logical names.
 */
import {
  ACCOUNT_ID_PATTERN,
  EMAIL_MAX_LENGTH,
  EMAIL_PATTERN,
  PARTICIPANT_NAME_MAX_LENGTH,
  PARTICIPANT_NAME_PATTERN,
} from './validate-config';
import { WorkshopConfig } from './workshop-config';

/** Logical ids of the parameters: the fleet commands pass values by these names. */
export const PARAMETER_NAMES = {
  participantName: 'ParticipantName',
  alarmEmail: 'AlarmEmail',
  trustedAccountId: 'TrustedAccountId',
} as const;

/** Conditions of the template on those parameters. */
export const CONDITION_NAMES = {
  /** AlarmEmail is not empty: the SNS email subscription exists. */
  hasAlarmEmail: 'HasAlarmEmail',
  /** TrustedAccountId is not empty: the cross-account role trusts that account, not this one. */
  trustsAnotherAccount: 'TrustsAnotherAccount',
} as const;

export type ParameterSetting = keyof typeof PARAMETER_NAMES;

export interface ParameterSpec {
  /** Logical id in the template. */
  readonly name: string;
  /** The setting (cdk.json / -c key=value) that gives the default. */
  readonly setting: ParameterSetting;
  readonly default: string;
  /** CloudFormation AllowedPattern (a Java regex over the whole value). */
  readonly allowedPattern: string;
  readonly maxLength: number;
  readonly description: string;
  /** Shown by CloudFormation when a value does not match. */
  readonly constraintDescription: string;
}

/** A JavaScript pattern anchored with ^...$ as the source of a CloudFormation AllowedPattern. */
function cfnPattern(re: RegExp): string {
  if (!re.source.startsWith('^') || !re.source.endsWith('$') || re.flags !== '') throw new Error(`not an anchored pattern: ${re}`);
  return re.source;
}

/** The same pattern, or the empty value. */
function emptyOr(re: RegExp): string {
  return `^(${cfnPattern(re).slice(1, -1)})?$`;
}

/** The three parameters, in the order the template lists them, defaulted from the config. */
export function participantParameters(config: WorkshopConfig): ParameterSpec[] {
  return [
    {
      name: PARAMETER_NAMES.participantName,
      setting: 'participantName',
      default: config.participantName,
      allowedPattern: cfnPattern(PARTICIPANT_NAME_PATTERN),
      maxLength: PARTICIPANT_NAME_MAX_LENGTH,
      description: 'Participant name: prefix of the IAM group, user, password secret and cross-account role (<name>-RO-GROUP, <name>-RO, <name>-RO-console-password, <name>-CROSS-ACCOUNT-ROLE) and value of the workshop-participant tag',
      constraintDescription: '1-32 characters of A-Z a-z 0-9 + = , . @ _ - (IAM names)',
    },
    {
      name: PARAMETER_NAMES.alarmEmail,
      setting: 'alarmEmail',
      default: config.alarmEmail ?? '',
      allowedPattern: emptyOr(EMAIL_PATTERN),
      maxLength: EMAIL_MAX_LENGTH,
      description: 'Email address subscribed to the flow-log alarm topic (the recipient confirms the subscription); empty for no subscription',
      constraintDescription: 'an email address such as secops@example.com, or empty',
    },
    {
      name: PARAMETER_NAMES.trustedAccountId,
      setting: 'trustedAccountId',
      default: config.trustedAccountId ?? '',
      allowedPattern: emptyOr(ACCOUNT_ID_PATTERN),
      maxLength: 12,
      description: 'AWS account whose principals may assume <name>-CROSS-ACCOUNT-ROLE; empty for this account',
      constraintDescription: 'a 12-digit AWS account id, or empty for this account',
    },
  ];
}
