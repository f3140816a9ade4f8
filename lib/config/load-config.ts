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
  'day2',
  'parts',
  'configRecording',
  'detective',
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

function bool(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

function text(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}

export function loadConfig(read: ContextReader): WorkshopConfig {
  const get = <T>(key: string, convert: (v: unknown) => unknown, fallback: T): T => {
    const v = read(key);
    return (v === undefined || v === null || v === '' ? fallback : convert(v)) as T;
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
    day2: get('day2', bool, d.day2),
    parts: get('parts', list, d.parts),
    configRecording: get<ConfigRecording>('configRecording', text, d.configRecording),
    detective: get('detective', bool, d.detective),
  };
  return validateConfig(config);
}

/** Context keys that look like ours but are not: a typo would otherwise be ignored silently. */
export function unknownContextKeys(keys: string[]): string[] {
  const known = new Set<string>(CONTEXT_KEYS);
  const lower = new Map([...known].map((k) => [k.toLowerCase(), k]));
  return keys.filter((k) => !known.has(k) && lower.has(k.toLowerCase()));
}

export { WorkshopConfigError };
