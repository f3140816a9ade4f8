/**
 * The network of a synthesized template as a diagram needs it: the VPC, its subnets by AZ, the
 * route tables and where their default route goes (internet gateway or NAT gateway), the NAT
 * gateways in their subnets, and the instances in their subnets. Ref / Fn::GetAtt between the
 * template's resources place things; nothing is deployed. Pure and deterministic (sorted).
 */
import type { CfnResource, CfnTemplate } from '../operator/template';

export interface SubnetNode {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly az: string;
  readonly public: boolean;
}

export interface RouteTableNode {
  readonly id: string;
  readonly name: string;
  /** Logical ids of the subnets associated with it. */
  readonly subnets: string[];
  /** Where 0.0.0.0/0 goes: the Name tag of the internet or NAT gateway. */
  readonly target?: { readonly kind: 'igw' | 'nat'; readonly id: string; readonly name: string };
}

export interface NatNode {
  readonly id: string;
  readonly name: string;
  readonly subnet?: string;
}

export interface InstanceNode {
  readonly id: string;
  readonly name: string;
  /** Logical id of its subnet in the workshop VPC; undefined: outside it (the default VPC). */
  readonly subnet?: string;
  /** What holds it when outside the VPC (e.g. "default VPC"). */
  readonly outside?: string;
}

export interface EnvironmentModel {
  readonly vpc: { readonly id: string; readonly name: string; readonly cidr: string };
  readonly igw?: { readonly id: string; readonly name: string };
  /** AZ labels, sorted. */
  readonly azs: string[];
  readonly subnets: SubnetNode[];
  readonly routeTables: RouteTableNode[];
  readonly nats: NatNode[];
  readonly instances: InstanceNode[];
}

type Resources = Record<string, CfnResource>;

/** Code-point order: the same everywhere (localeCompare depends on the ICU data). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A literal string, or a short stand-in for an intrinsic. */
export function literal(value: unknown, fallback = '?'): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'Ref' in value) return `{${String((value as { Ref: unknown }).Ref)}}`;
  return fallback;
}

export function nameTag(r: CfnResource | undefined, fallback: string): string {
  const tags = (r?.Properties?.Tags ?? []) as { Key: string; Value: unknown }[];
  const tag = Array.isArray(tags) ? tags.find((t) => t.Key === 'Name') : undefined;
  return tag ? literal(tag.Value, fallback) : fallback;
}

/** The logical id a Ref or Fn::GetAtt points at (in this template), else undefined. */
export function refTarget(value: unknown, resources: Resources): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const id = 'Ref' in v ? String(v.Ref) : Array.isArray(v['Fn::GetAtt']) ? String((v['Fn::GetAtt'] as unknown[])[0]) : undefined;
  return id && resources[id] ? id : undefined;
}

const byType = (resources: Resources, type: string) =>
  Object.entries(resources).filter(([, r]) => r.Type === type).sort(([a], [b]) => cmp(a, b));

function azLabel(value: unknown): string {
  if (typeof value === 'string') return value;
  const select = (value as Record<string, unknown> | undefined)?.['Fn::Select'];
  if (Array.isArray(select)) return `AZ ${literal(select[0])}`;
  return 'AZ ?';
}

function cidrKey(cidr: string): number[] {
  return cidr.split(/[./]/).map((n) => Number(n) || 0);
}

function compareCidr(a: string, b: string): number {
  const x = cidrKey(a);
  const y = cidrKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return cmp(a, b);
}

/** The template's workshop VPC (the first AWS::EC2::VPC by logical id) and what is in it. */
export function environmentModel(template: CfnTemplate): EnvironmentModel {
  const resources: Resources = (template.Resources ?? {}) as Resources;
  const [vpcEntry] = byType(resources, 'AWS::EC2::VPC');
  if (!vpcEntry) throw new Error('The template has no AWS::EC2::VPC');
  const [vpcId, vpcRes] = vpcEntry;
  const vpc = { id: vpcId, name: nameTag(vpcRes, vpcId), cidr: literal(vpcRes.Properties?.CidrBlock) };
  const igwEntry = byType(resources, 'AWS::EC2::InternetGateway')[0];
  const igw = igwEntry ? { id: igwEntry[0], name: nameTag(igwEntry[1], igwEntry[0]) } : undefined;

  const natName = (id: string) => nameTag(resources[id], id);
  const targets = new Map<string, RouteTableNode['target']>();
  for (const [, r] of byType(resources, 'AWS::EC2::Route')) {
    if (r.Properties?.DestinationCidrBlock !== '0.0.0.0/0') continue;
    const table = refTarget(r.Properties.RouteTableId, resources);
    const nat = refTarget(r.Properties.NatGatewayId, resources);
    const gw = refTarget(r.Properties.GatewayId, resources);
    if (!table) continue;
    if (nat) targets.set(table, { kind: 'nat', id: nat, name: natName(nat) });
    else if (gw && resources[gw].Type === 'AWS::EC2::InternetGateway') targets.set(table, { kind: 'igw', id: gw, name: nameTag(resources[gw], gw) });
  }
  const associations = new Map<string, string[]>();
  for (const [, r] of byType(resources, 'AWS::EC2::SubnetRouteTableAssociation')) {
    const table = refTarget(r.Properties?.RouteTableId, resources);
    const subnet = refTarget(r.Properties?.SubnetId, resources);
    if (table && subnet) associations.set(table, [...(associations.get(table) ?? []), subnet]);
  }
  const tableOfSubnet = new Map<string, string>();
  for (const [table, subnets] of associations) for (const s of subnets) tableOfSubnet.set(s, table);

  const subnets: SubnetNode[] = byType(resources, 'AWS::EC2::Subnet')
    .filter(([, r]) => refTarget(r.Properties?.VpcId, resources) === vpcId)
    .map(([id, r]) => {
      const table = tableOfSubnet.get(id);
      const isPublic = table ? targets.get(table)?.kind === 'igw' : r.Properties?.MapPublicIpOnLaunch === true;
      return { id, name: nameTag(r, id), cidr: literal(r.Properties?.CidrBlock), az: azLabel(r.Properties?.AvailabilityZone), public: isPublic };
    })
    .sort((a, b) => compareCidr(a.cidr, b.cidr));
  const subnetIds = new Set(subnets.map((s) => s.id));
  const azs = [...new Set(subnets.map((s) => s.az))].sort();

  const routeTables: RouteTableNode[] = byType(resources, 'AWS::EC2::RouteTable')
    .filter(([, r]) => refTarget(r.Properties?.VpcId, resources) === vpcId)
    .map(([id, r]) => ({ id, name: nameTag(r, id), subnets: (associations.get(id) ?? []).filter((s) => subnetIds.has(s)), target: targets.get(id) }))
    .sort((a, b) => cmp(a.name, b.name));

  const nats: NatNode[] = byType(resources, 'AWS::EC2::NatGateway')
    .map(([id, r]) => ({ id, name: natName(id), subnet: refTarget(r.Properties?.SubnetId, resources) }))
    .filter((n) => !n.subnet || subnetIds.has(n.subnet))
    .sort((a, b) => cmp(a.name, b.name));

  const instances: InstanceNode[] = byType(resources, 'AWS::EC2::Instance')
    .map(([id, r]) => {
      const nic = (r.Properties?.NetworkInterfaces ?? []) as { SubnetId?: unknown; DeviceIndex?: unknown }[];
      const ref = r.Properties?.SubnetId ?? nic.find((n) => String(n.DeviceIndex ?? '0') === '0')?.SubnetId;
      const subnet = refTarget(ref, resources);
      const name = nameTag(r, id);
      if (subnet && subnetIds.has(subnet)) return { id, name, subnet };
      const holder = subnet ? resources[subnet] : undefined;
      const outside = !ref || (holder && /DefaultVpc/i.test(holder.Type + subnet)) || /default-vpc/i.test(name) ? 'default VPC' : 'outside the VPC';
      return { id, name, outside };
    })
    .sort((a, b) => cmp(a.name, b.name));

  return { vpc, igw, azs, subnets, routeTables, nats, instances };
}
