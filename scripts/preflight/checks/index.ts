/** The preflight pack: one check per file, in the order they run (after checkIdentity). */
import { amiParameters } from './ami-parameters';
import { cloudTrailTrails } from './cloudtrail-trails';
import { defaultVpc } from './default-vpc';
import { elasticIps } from './elastic-ips';
import { existingNames } from './existing-names';
import { guardDuty } from './guardduty';
import { inspector } from './inspector';
import { natGateways } from './nat-gateways';
import { securityHub } from './security-hub';
import { vpcs } from './vpcs';
import { webTier } from './web-tier';
import { zonesAndInstanceTypes } from './zones-and-instance-types';
import { PreflightCheck } from '../types';

export { checkIdentity } from './identity';

export const PREFLIGHT_CHECKS: readonly PreflightCheck[] = [elasticIps, vpcs, natGateways, zonesAndInstanceTypes, amiParameters, guardDuty, inspector, defaultVpc, cloudTrailTrails, existingNames, securityHub, webTier];
