/**
 * The verify pack: one file per workshop part, in the order their rows are shown (and read: the
 * compute part names subnets the network part found).
 */
import { VerifyPart } from '../part';
import { computePart } from './compute';
import { detectionPart } from './detection';
import { flowLogsPart } from './flow-logs';
import { identityPart } from './identity';
import { investigationPart } from './investigation';
import { networkPart } from './network';
import { securityHubPart } from './security-hub';
import { stackPart } from './stack';

export const VERIFY_PARTS: readonly VerifyPart[] = [stackPart, networkPart, flowLogsPart, computePart, identityPart, detectionPart, investigationPart, securityHubPart];
