/** Shared shapes of the verify module: expected rows, observations, result rows. */

export type Status = 'OK' | 'MISMATCH' | 'NOT RECORDED';

/** What kind of resource a row is about. */
export type ResourceKind =
  | 'stack'
  | 'vpc'
  | 'subnet'
  | 'routeTable'
  | 'internetGateway'
  | 'natGateway'
  | 'flowLog'
  | 'logGroup'
  | 'bucket'
  | 'instance'
  | 'defaultVpc'
  | 'iamGroup'
  | 'iamUser'
  | 'iamRole'
  | 'detector'
  | 'instanceProfile'
  | 'snsTopic'
  | 'metricFilter'
  | 'alarm'
  | 'glueDatabase'
  | 'glueTable'
  | 'athenaWorkGroup'
  | 'trail'
  | 'iamPolicy'
  | 'securityHub'
  | 'securityHubStandard'
  | 'securityHubAction'
  | 'configRecorder'
  | 'deliveryChannel'
  | 'detectiveGraph'
  | 'eventRule'
  | 'lambdaFunction'
  | 'securityGroup'
  | 'guardDuty'
  | 'inspector'
  | 'networkAcl'
  | 'lambdaFunction'
  | 'eventRule'
  | 'loadBalancer'
  | 'targetGroup'
  | 'autoScalingGroup'
  | 'launchTemplate'
  | 'webAcl'
  | 'ipSet';

/** Every resource has an `exists` row; when it is not OK the resource's other rows are not shown. */
export const EXISTS = 'exists';

export interface ExpectedRow {
  readonly kind: ResourceKind;
  /** Display name of the resource, e.g. "Subnet Public-Subnet-a-10-0-1". */
  readonly resource: string;
  /** "exists", "CIDR", "Name tag", ... */
  readonly attribute: string;
  readonly expected: string;
  /** Other found values that are as good as `expected` (e.g. a flow log format left unset = the default). */
  readonly alsoAccept?: readonly string[];
  /**
   * Why this row is the app's own choice, beyond what the workshop text asks (a name it gives, a
   * hardening): verify checks it, the hands-on check (npm run check) never grades a participant on it.
   */
  readonly appOnly?: string;
  /**
   * Where the app departs from the workshop text (AWS Control Tower's controls: KMS, retention,
   * versioning): what `npm run check` expects of a hand-built account instead; null = not graded there.
   */
  readonly handsOn?: string | null;
}

/** What was read back: a value, or why the endpoint gave nothing to compare. */
export type Found =
  | { readonly value: string; readonly detail?: string }
  | { readonly notRecorded: string };

/** Observations keyed by rowKey(resource, attribute). */
export type Observation = Map<string, Found>;

export function rowKey(resource: string, attribute: string): string {
  return `${resource}|${attribute}`;
}

export interface ResultRow {
  readonly check: string;
  readonly expected: string;
  readonly found: string;
  readonly status: Status;
  /** Why NOT RECORDED (or what else is worth knowing about a MISMATCH). */
  readonly reason?: string;
}

export interface VerifyResult {
  readonly rows: ResultRow[];
  /** No MISMATCH (and, with strict, no NOT RECORDED). */
  readonly ok: boolean;
  /** Where it looked. */
  readonly target: { readonly account: string; readonly region: string; readonly endpoint?: string; readonly emulator: boolean };
}
