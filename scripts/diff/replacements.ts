/**
 * Which instances a deploy of `current` over `baseline` would replace, found in the templates
 * (offline, as `npm run diff` works): an AWS::EC2::Instance whose property that CloudFormation
 * updates only by replacement (AWS::EC2::Instance reference, "Update requires: Replacement")
 * differs (Replacement True), or takes its value from a resource or parameter that changes, such as
 * the pinned images after an imageSet change (Replacement Conditional: it depends on the value
 * the changed resource gives at deploy time).
 */
import { CfnResource, CfnTemplate, Templates } from '../operator/template';
import { stable } from './security-diff';

/** AWS::EC2::Instance properties whose change replaces the instance. */
export const INSTANCE_REPLACEMENT_PROPERTIES = [
  'AvailabilityZone',
  'BlockDeviceMappings',
  'CpuOptions',
  'HibernationOptions',
  'ImageId',
  'Ipv6AddressCount',
  'Ipv6Addresses',
  'KeyName',
  'LaunchTemplate',
  'LicenseSpecifications',
  'NetworkInterfaces',
  'PlacementGroupName',
  'PrivateIpAddress',
  'SecurityGroups',
  'SubnetId',
] as const;

export interface Replacement {
  readonly stack: string;
  readonly resource: string;
  /** The instance's Name tag, when it has one. */
  readonly name?: string;
  readonly replacement: 'True' | 'Conditional';
  readonly reasons: string[];
}


/** Logical ids (resources and parameters) a value refers to through Ref, Fn::GetAtt or Fn::Sub. */
export function referencesOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencesOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Ref' && typeof v === 'string' && !v.startsWith('AWS::')) out.add(v);
      else if (k === 'Fn::GetAtt') out.add(Array.isArray(v) ? String(v[0]) : String(v).split('.')[0]);
      else if (k === 'Fn::Sub') for (const m of String(Array.isArray(v) ? v[0] : v).matchAll(/\$\{([^}.!]+)[^}]*\}/g)) if (!m[1].startsWith('AWS::')) out.add(m[1]);
      referencesOf(v, out);
    }
  }
  return out;
}

/** What changes about a resource or parameter between the two templates, or undefined if nothing. */
function changeOf(id: string, before: CfnTemplate, after: CfnTemplate): string | undefined {
  const [b, a] = [before.Resources?.[id], after.Resources?.[id]];
  if (a) {
    if (!b) return `${id} is new`;
    if (b.Type !== a.Type) return `${id} changes type`;
    const props = new Set([...Object.keys(b.Properties ?? {}), ...Object.keys(a.Properties ?? {})]);
    const changed = [...props].filter((p) => stable(b.Properties?.[p]) !== stable(a.Properties?.[p]));
    if (!changed.length) return undefined;
    const shown = changed.map((p) => {
      const [x, y] = [b.Properties?.[p], a.Properties?.[p]];
      return typeof x === 'string' && typeof y === 'string' ? `${p} ${JSON.stringify(x)} → ${JSON.stringify(y)}` : p;
    });
    return `${id} (${a.Type}) changes: ${shown.join(', ')}`;
  }
  const [pb, pa] = [before.Parameters?.[id], after.Parameters?.[id]];
  if (pa && stable(pb) !== stable(pa)) return `parameter ${id} changes`;
  return undefined;
}

const nameOf = (r: CfnResource): string | undefined => (r.Properties?.Tags as { Key: string; Value: unknown }[] | undefined)?.find((t) => t.Key === 'Name')?.Value as string | undefined;

export function findReplacements(baseline: Templates, current: Templates): Replacement[] {
  const out: Replacement[] = [];
  for (const [stack, after] of Object.entries(current)) {
    const before: CfnTemplate = baseline[stack] ?? {};
    for (const [id, r] of Object.entries(after.Resources ?? {})) {
      const old = before.Resources?.[id];
      if (r.Type !== 'AWS::EC2::Instance' || !old || old.Type !== r.Type) continue;
      const literal: string[] = [];
      const conditional: string[] = [];
      for (const p of INSTANCE_REPLACEMENT_PROPERTIES) {
        const [x, y] = [old.Properties?.[p], r.Properties?.[p]];
        if (stable(x) !== stable(y)) {
          literal.push(`${p} changes`);
          continue;
        }
        for (const ref of referencesOf(y)) {
          const change = changeOf(ref, before, after);
          if (change) conditional.push(`${p} comes from ${change}`);
        }
      }
      if (!literal.length && !conditional.length) continue;
      out.push({ stack, resource: id, name: nameOf(r), replacement: literal.length ? 'True' : 'Conditional', reasons: [...literal, ...conditional] });
    }
  }
  return out;
}

export function formatReplacements(list: readonly Replacement[]): string[] {
  const lines = ['Instances this deploy would replace (new instance: new addresses, state on the old one lost):'];
  if (!list.length) lines.push('  none');
  for (const r of list) {
    const what = r.replacement === 'True' ? 'REPLACED' : 'MAY BE REPLACED';
    lines.push(`  ${what} ${r.stack} ${r.resource}${r.name ? ` (${r.name})` : ''}: ${r.reasons.join('; ')}`);
  }
  return lines;
}
