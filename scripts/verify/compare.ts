/**
 * Expected rows + observations -> check | expected | found | status.
 *
 * - OK: found equals expected (or one of alsoAccept).
 * - MISMATCH: anything else, including a resource that does not exist.
 * - NOT RECORDED: the endpoint gave nothing to compare (an optional API field it left out, an
 *   operation it does not implement), or -- only against an emulator -- a documented emulator gap
 *   (EMULATOR_GAPS) explains exactly the value that was found. Against real AWS a gap is a MISMATCH.
 */
import { EXISTS, ExpectedRow, Found, Observation, ResourceKind, ResultRow, rowKey } from './types';

export interface EmulatorGap {
  readonly kind: ResourceKind;
  readonly attribute: string;
  /** The gap applies only when the found value is one of these (what the emulator leaves). */
  readonly found: readonly string[];
  readonly reason: string;
}

export const NO_NAME_TAG = '(no Name tag)';
export const NOT_FOUND = 'no';

/**
 * Where moto 5.2.1 (with this project's scripts/emulator/patches) does not record what
 * CloudFormation was asked for. Each entry names the moto code that drops it.
 */
export const EMULATOR_GAPS: readonly EmulatorGap[] = [
  {
    kind: 'vpc',
    attribute: 'DNS hostnames',
    found: ['false'],
    reason: 'moto: AWS::EC2::VPC from CloudFormation ignores EnableDnsHostnames (ec2/models/vpcs.py VPC.create_from_cloudformation_json)',
  },
  {
    kind: 'vpc',
    attribute: 'DNS support',
    found: ['false'],
    reason: 'moto: AWS::EC2::VPC from CloudFormation ignores EnableDnsSupport (ec2/models/vpcs.py VPC.create_from_cloudformation_json)',
  },
  ...(['routeTable', 'internetGateway', 'natGateway'] as const).map((kind) => ({
    kind,
    attribute: 'Name tag',
    found: [NO_NAME_TAG],
    reason: `moto: the CloudFormation handler of ${
      { routeTable: 'AWS::EC2::RouteTable', internetGateway: 'AWS::EC2::InternetGateway', natGateway: 'AWS::EC2::NatGateway' }[kind]
    } ignores the resource's Tags (only stack tags are applied); found through the stack's resources instead`,
  })),
  {
    kind: 'bucket',
    attribute: 'public access block',
    found: ['none'],
    reason: 'moto: AWS::S3::Bucket from CloudFormation ignores PublicAccessBlockConfiguration (s3/models.py FakeBucket.create_from_cloudformation_json)',
  },
  {
    kind: 'iamGroup',
    attribute: EXISTS,
    found: [NOT_FOUND],
    reason: 'moto has no CloudFormation support for AWS::IAM::Group ("No Moto CloudFormation support for AWS::IAM::Group"): the stack skips it',
  },
];

function display(found: Found | undefined): string {
  if (!found) return '-';
  if ('notRecorded' in found) return '-';
  return found.detail ? `${found.value} (${found.detail})` : found.value;
}

export interface CompareOptions {
  /** Apply EMULATOR_GAPS (true only when reading a local emulator). */
  readonly emulator: boolean;
  readonly gaps?: readonly EmulatorGap[];
}

export function compareRow(row: ExpectedRow, found: Found | undefined, opts: CompareOptions): ResultRow {
  const check = row.attribute === EXISTS ? `${row.resource}: exists` : `${row.resource}: ${row.attribute}`;
  const base = { check, expected: row.expected, found: display(found) };
  if (!found) return { ...base, status: 'NOT RECORDED', reason: 'nothing was read for this check' };
  if ('notRecorded' in found) return { ...base, status: 'NOT RECORDED', reason: found.notRecorded };
  if (found.value === row.expected || (row.alsoAccept ?? []).includes(found.value)) return { ...base, status: 'OK' };
  if (opts.emulator) {
    const gap = (opts.gaps ?? EMULATOR_GAPS).find((g) => g.kind === row.kind && g.attribute === row.attribute && g.found.includes(found.value));
    if (gap) return { ...base, status: 'NOT RECORDED', reason: gap.reason };
  }
  return { ...base, status: 'MISMATCH' };
}

/** One result row per expected row; a resource that is not there gets its `exists` row only. */
export function compare(expected: readonly ExpectedRow[], observed: Observation, opts: CompareOptions): ResultRow[] {
  const rows: ResultRow[] = [];
  const absent = new Set<string>();
  for (const row of expected) {
    if (absent.has(row.resource)) continue;
    const result = compareRow(row, observed.get(rowKey(row.resource, row.attribute)), opts);
    rows.push(result);
    if (row.attribute === EXISTS && result.status !== 'OK') absent.add(row.resource);
  }
  return rows;
}

export function isOk(rows: readonly ResultRow[], strict = false): boolean {
  return rows.every((r) => r.status === 'OK' || (!strict && r.status === 'NOT RECORDED'));
}

export function summarize(rows: readonly ResultRow[]): { ok: number; mismatch: number; notRecorded: number } {
  return {
    ok: rows.filter((r) => r.status === 'OK').length,
    mismatch: rows.filter((r) => r.status === 'MISMATCH').length,
    notRecorded: rows.filter((r) => r.status === 'NOT RECORDED').length,
  };
}
