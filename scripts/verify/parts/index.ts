/**
 * The verify pack: one file per workshop part, in the order their rows are shown (and read: the
 * compute part names subnets the network part found).
 */
import { WORKSHOP_PARTS } from '../../../lib/config/settings/parts';
import type { WorkshopConfig } from '../../../lib/config/workshop-config';
import { VerifyPart } from '../part';
import { autoBlockPart } from './auto-block';
import { computePart } from './compute';
import { detectionPart } from './detection';
import { flowLogsPart } from './flow-logs';
import { identityPart } from './identity';
import { investigationPart } from './investigation';
import { networkPart } from './network';
import { securityHubPart } from './security-hub';
import { stackPart } from './stack';

export const VERIFY_PARTS: readonly VerifyPart[] = [stackPart, networkPart, flowLogsPart, computePart, identityPart, detectionPart, investigationPart, securityHubPart, autoBlockPart];

/** The parts the `parts` setting deployed (a part's name starts with its workshop part; the stack and day-2 parts always). */
export function verifyPartsFor(config: WorkshopConfig, parts: readonly VerifyPart[] = VERIFY_PARTS): VerifyPart[] {
  const day1 = (p: VerifyPart) => (WORKSHOP_PARTS as readonly string[]).find((w) => p.part.split(' ')[0] === w);
  return parts.filter((p) => {
    const w = day1(p);
    return !w || (config.parts as readonly string[]).includes(w);
  });
}
