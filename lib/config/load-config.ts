/**
 * Reads the workshop configuration from CDK context (cdk.json, or -c key=value on the command
 * line, where every value arrives as a string) over the workshop's defaults, then validates it.
 */
import { validateConfig, WorkshopConfigError } from './validate-config';
import { ConfigRecording, NatGatewayCount, WORKSHOP_DEFAULTS, WorkshopConfig } from './workshop-config';

/** Context keys, flat so that each can be set with -c key=value. */
export const CONTEXT_KEYS = [
  'region',
  'availabilityZones',
  'participantName',
  'trustedAccountId',
  'vpcCidr',
  'publicSubnetCidrs',
  'privateSubnetCidrs',
  'natGateways',
  'webserverInstanceType',
  'ubuntuInstanceType',
  'windowsInstanceType',
  'sampleFindings',
  'logRetentionDays',
  'stackPrefix',
  'alarmEmail',
  'rejectedFlowsAlarmThreshold',
  'wazuhPrincipalArn',
  'wazuhExternalId',
  'day2',
  'parts',
  'configRecording',
  'detective',
  'blockSeverity',
  'blockHours',
  'blockSampleFindings',
  'blockExemptCidrs',
  'webTierMinCapacity',
  'webTierMaxCapacity',
  'webTierInstanceType',
  'domainName',
  'hostedZoneId',
  'imageSet',
] as const;

export type ContextReader = (key: string) => unknown;

/** "a,b,c" or ["a","b","c"] -> ["a","b","c"]. */
function list(value: unknown): unknown {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  return value;
}

function number(value: unknown): unknown {
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return value;
}

/** "4", "6.5" -> 4, 6.5; anything else as given (validation names it). */
function decimal(value: unknown): unknown {
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return value;
}

function bool(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

function text(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}

/** Settings given as an empty value (`-c participantName=`): a mistake, not the default. */
function emptySettings(read: ContextReader): string[] {
  return CONTEXT_KEYS.filter((key) => {
    const v = read(key);
    return (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
  }).map((key) => `${key}="": an empty value is not the default: leave the setting out (no -c ${key}=) to use the default`);
}

export function loadConfig(read: ContextReader): WorkshopConfig {
  const empty = emptySettings(read);
  if (empty.length > 0) throw new WorkshopConfigError(empty);
  const get = <T>(key: string, convert: (v: unknown) => unknown, fallback: T): T => {
    const v = read(key);
    return (v === undefined || v === null ? fallback : convert(v)) as T;
  };
  const d = WORKSHOP_DEFAULTS;
  const config: WorkshopConfig = {
    region: get('region', text, d.region),
    availabilityZones: get('availabilityZones', list, d.availabilityZones),
    participantName: get('participantName', text, d.participantName),
    trustedAccountId: get<string | undefined>('trustedAccountId', text, d.trustedAccountId),
    vpcCidr: get('vpcCidr', text, d.vpcCidr),
    publicSubnetCidrs: get('publicSubnetCidrs', list, d.publicSubnetCidrs),
    privateSubnetCidrs: get('privateSubnetCidrs', list, d.privateSubnetCidrs),
    natGateways: get<NatGatewayCount>('natGateways', number, d.natGateways),
    instanceTypes: {
      webserver: get('webserverInstanceType', text, d.instanceTypes.webserver),
      ubuntu: get('ubuntuInstanceType', text, d.instanceTypes.ubuntu),
      windows: get('windowsInstanceType', text, d.instanceTypes.windows),
    },
    sampleFindings: get('sampleFindings', bool, d.sampleFindings),
    logRetentionDays: get('logRetentionDays', number, d.logRetentionDays),
    stackPrefix: get('stackPrefix', text, d.stackPrefix),
    alarmEmail: get<string | undefined>('alarmEmail', text, d.alarmEmail),
    rejectedFlowsAlarmThreshold: get('rejectedFlowsAlarmThreshold', number, d.rejectedFlowsAlarmThreshold),
    wazuhPrincipalArn: get<string | undefined>('wazuhPrincipalArn', text, d.wazuhPrincipalArn),
    wazuhExternalId: get<string | undefined>('wazuhExternalId', text, d.wazuhExternalId),
    day2: get('day2', bool, d.day2),
    parts: get('parts', list, d.parts),
    configRecording: get<ConfigRecording>('configRecording', text, d.configRecording),
    detective: get('detective', bool, d.detective),
    blockSeverity: get('blockSeverity', decimal, d.blockSeverity),
    blockHours: get('blockHours', number, d.blockHours),
    blockSampleFindings: get('blockSampleFindings', bool, d.blockSampleFindings),
    blockExemptCidrs: get('blockExemptCidrs', list, d.blockExemptCidrs),
    webTier: {
      minCapacity: get('webTierMinCapacity', number, d.webTier.minCapacity),
      maxCapacity: get('webTierMaxCapacity', number, d.webTier.maxCapacity),
      instanceType: get('webTierInstanceType', text, d.webTier.instanceType),
    },
    domainName: get<string | undefined>('domainName', text, d.domainName),
    hostedZoneId: get<string | undefined>('hostedZoneId', text, d.hostedZoneId),
    imageSet: get('imageSet', text, d.imageSet),
  };
  return validateConfig(config);
}

/**
 * The CDK's own context keys, which are not settings: feature flags (@aws-cdk/...), what the CLI
 * and the App set (aws:cdk:..., aws-cdk:..., cdk-...), acknowledged notices, and the lookup
 * cache of cdk.context.json (keys with a colon, such as availability-zones:account=...:region=...).
 */
export function isCdkContextKey(key: string): boolean {
  return key.startsWith('@') || key.startsWith('aws:') || key.startsWith('aws-cdk') || key.startsWith('cdk') || key.includes(':') ||
    key === 'acknowledged-issue-numbers';
}

/** Context keys that are neither settings nor the CDK's own: a typo would otherwise be ignored silently. */
export function unknownContextKeys(keys: string[]): string[] {
  const known = new Set<string>(CONTEXT_KEYS);
  return keys.filter((k) => !known.has(k) && !isCdkContextKey(k));
}

/** a-z0-9 only: participant_name, Participant-Name and participantname compare equal. */
const folded = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

/** The known setting an unknown key most likely meant (same letters, or a close misspelling; a prefix such as natGateway), if any. */
export function nearestContextKey(key: string): string | undefined {
  const f = folded(key);
  let best: { key: string; d: number } | undefined;
  for (const k of CONTEXT_KEYS) {
    const kf = folded(k);
    const d = kf === f ? 0 : kf.startsWith(f) || f.startsWith(kf) ? Math.abs(kf.length - f.length) : editDistance(f, kf);
    if (!best || d < best.d) best = { key: k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(folded(best.key).length / 4)) ? best.key : undefined;
}

/** "participant_name: unknown setting (did you mean participantName?)" */
export function unknownSettingProblem(key: string): string {
  const nearest = nearestContextKey(key);
  return `${key}: unknown setting${nearest ? ` (did you mean ${nearest}?)` : ''}; the settings are ${CONTEXT_KEYS.join(', ')} (README "Configuration")`;
}

export { WorkshopConfigError };
