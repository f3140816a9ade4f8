/**
 * The workshop's day-1 steps as the check grades them: which verify part reads each workshop part
 * back, and which of its expected rows make each step. Rows are picked by kind and resource, so a
 * row a verify part adds later lands in its step without a change here.
 */
import { WORKSHOP_PARTS, WorkshopPart } from '../../lib/config/settings/parts';
import type { ResourceLabels } from '../verify/labels';
import { VerifyPart } from '../verify/part';
import { computePart } from '../verify/parts/compute';
import { flowLogsPart } from '../verify/parts/flow-logs';
import { identityPart } from '../verify/parts/identity';
import { investigationPart } from '../verify/parts/investigation';
import { networkPart } from '../verify/parts/network';
import { detectionPart } from '../verify/parts/detection';
import { ExpectedRow } from '../verify/types';

export interface CheckStep {
  /** Short id: a scoreboard column. */
  readonly id: string;
  readonly part: WorkshopPart;
  readonly title: string;
  readonly has: (row: ExpectedRow, L: ResourceLabels) => boolean;
}

/** What reads each workshop part back, in the order they run (compute names the subnets network found). */
export const CHECK_READS: Readonly<Record<WorkshopPart, readonly VerifyPart[]>> = {
  identity: [identityPart],
  network: [networkPart, flowLogsPart],
  compute: [computePart],
  detection: [detectionPart],
  investigation: [investigationPart],
};

const privateRouteTable = (r: ExpectedRow, L: ResourceLabels) => L.names.privateRouteTables.some((rt) => L.routeTable(rt) === r.resource);

export const CHECK_STEPS: readonly CheckStep[] = [
  { id: 'ro-user', part: 'identity', title: 'Read-only group and user', has: (r) => r.kind === 'iamGroup' || r.kind === 'iamUser' },
  { id: 'x-account', part: 'identity', title: 'Cross-account role', has: (r, L) => r.resource === L.iamRole(L.names.crossAccountRole) },
  { id: 'ssm-role', part: 'identity', title: 'SSM instance role and profile', has: (r, L) => r.resource === L.iamRole(L.names.ssmInstanceRole) || r.kind === 'instanceProfile' },
  { id: 'vpc', part: 'network', title: 'VPC', has: (r, L) => r.resource === L.vpc && r.attribute !== 'NAT gateways in VPC' },
  { id: 'subnets', part: 'network', title: 'Subnets', has: (r) => r.kind === 'subnet' },
  { id: 'igw', part: 'network', title: 'Internet gateway', has: (r) => r.kind === 'internetGateway' },
  { id: 'public-rt', part: 'network', title: 'Public route table', has: (r, L) => r.resource === L.routeTable(L.names.publicRouteTable) },
  { id: 'nat', part: 'network', title: 'NAT gateways', has: (r, L) => r.kind === 'natGateway' || (r.resource === L.vpc && r.attribute === 'NAT gateways in VPC') },
  { id: 'private-rt', part: 'network', title: 'Private route tables', has: (r, L) => privateRouteTable(r, L) },
  { id: 'flow-cw', part: 'network', title: 'Flow logs to CloudWatch Logs', has: (r, L) => r.resource === L.cloudWatchFlowLog || r.kind === 'logGroup' },
  { id: 'flow-s3', part: 'network', title: 'Flow logs to S3', has: (r, L) => r.resource === L.s3FlowLog || r.kind === 'bucket' },
  { id: 'default-vpc', part: 'compute', title: 'Default VPC named', has: (r) => r.kind === 'defaultVpc' },
  { id: 'webserver', part: 'compute', title: 'Webserver', has: (r, L) => r.resource === L.instance(L.names.webserver) || (r.kind === 'securityGroup' && r.resource.endsWith(L.names.webserverSecurityGroup)) },
  { id: 'private-ec2', part: 'compute', title: 'Ubuntu and Windows instances', has: (r, L) => r.kind === 'instance' && r.resource !== L.instance(L.names.webserver) },
  { id: 'guardduty', part: 'detection', title: 'GuardDuty', has: (r) => r.resource.startsWith('GuardDuty') },
  { id: 'inspector', part: 'detection', title: 'Inspector EC2 scanning', has: (r) => r.resource.startsWith('Inspector') },
  { id: 'alarm', part: 'investigation', title: 'Rejected-flows alarm', has: (r) => ['snsTopic', 'metricFilter', 'alarm'].includes(r.kind) },
  { id: 'athena', part: 'investigation', title: 'Athena database and tables', has: (r) => ['glueDatabase', 'glueTable', 'athenaWorkGroup'].includes(r.kind) },
  { id: 'trail', part: 'investigation', title: 'CloudTrail trail', has: (r) => r.kind === 'trail' },
];

/** Parts to read for `parts`: each with the parts it builds on (compute shows the subnets network found). */
export function partsToRead(parts: readonly WorkshopPart[]): WorkshopPart[] {
  const wanted = new Set<WorkshopPart>(parts);
  if (wanted.has('compute')) wanted.add('network');
  return WORKSHOP_PARTS.filter((p) => wanted.has(p));
}
