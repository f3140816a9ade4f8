/**
 * The `parts` setting: which day-1 parts of the workshop the one template holds (default: all).
 * A participant stuck at the flow logs gets identity and network deployed for them
 * (`-c parts=identity,network`) and continues by hand. A part that takes another part's resources
 * through props says so here, and a list without it is refused at synth, naming the dependency.
 */
import type { WorkshopConfig } from '../workshop-config';

/** The day-1 parts, in the workshop's order (lib/parts/<part>). */
export const WORKSHOP_PARTS = ['identity', 'network', 'compute', 'detection', 'investigation'] as const;
export type WorkshopPart = (typeof WORKSHOP_PARTS)[number];

/**
 * What each part takes from another (lib/workshop-stack.ts): compute launches into the network's
 * private subnet with identity's instance profile; investigation reads the network's flow logs.
 */
export const PART_NEEDS: Readonly<Record<WorkshopPart, readonly WorkshopPart[]>> = {
  identity: [],
  network: [],
  compute: ['identity', 'network'],
  detection: [],
  investigation: ['network'],
};

export function validateParts(c: WorkshopConfig, bad: (setting: string, value: unknown, allowed: string) => void): void {
  const parts: unknown = c.parts;
  if (!Array.isArray(parts) || parts.length === 0) {
    bad('parts', parts, `must list one or more of ${WORKSHOP_PARTS.join(', ')}, comma-separated (default: all)`);
    return;
  }
  const unknown = parts.filter((p) => !(WORKSHOP_PARTS as readonly unknown[]).includes(p));
  if (unknown.length > 0) {
    bad('parts', parts, `${unknown.map((p) => JSON.stringify(p)).join(', ')} is not a part: must list parts of ${WORKSHOP_PARTS.join(', ')}`);
    return;
  }
  if (new Set(parts).size !== parts.length) bad('parts', parts, 'must name each part once');
  for (const part of parts as WorkshopPart[]) {
    const missing = PART_NEEDS[part].filter((needed) => !parts.includes(needed));
    if (missing.length > 0) bad('parts', parts, `${part} needs ${missing.join(' and ')}: add ${missing.join(',')} to the list (the template passes their resources to ${part})`);
  }
}

/** What the day-2 parts take from the day-1 parts: the web tier runs in the network's VPC with identity's instance profile. */
export const DAY2_NEEDS: readonly WorkshopPart[] = ['identity', 'network'];

/** day2=true with a `parts` list without what day 2 needs: refused, naming both settings. */
export function validateDay2Parts(c: WorkshopConfig, bad: (setting: string, value: unknown, allowed: string) => void): void {
  if (c.day2 !== true || !Array.isArray(c.parts)) return;
  const missing = DAY2_NEEDS.filter((needed) => !c.parts.includes(needed));
  if (missing.length > 0) {
    bad('parts', c.parts, `day2=true needs ${missing.join(' and ')}: add ${missing.join(',')} to the list (the web tier runs in the network's VPC with identity's instance profile), or leave day2 unset`);
  }
}

/** Whether the one template holds `part`. */
export const hasPart = (c: WorkshopConfig, part: WorkshopPart): boolean => c.parts.includes(part);
