/** The leftovers pack: every check, in the order they run (a resource found twice is listed by the first). */
import { LeftoverCheck } from '../scan';
import { defaultVpcName } from './compute';
import { guardDutyDetectors, inspectorScanning } from './detection';
import { consolePasswordSecret, iamByName, iamRolesByPrefix } from './identity';
import { isolationLeftovers } from './isolation';
import { flowLogBucket, logGroups } from './network';
import { configRecorder, detectiveGraph, securityHub } from './security-hub';
import { stacksByName, stacksByPrefix } from './stack';
import { taggedEc2 } from './tagged-ec2';
import { taggedResources } from './tagged';
import { webTierFleet, webTierLoadBalancing, webTierLogs, webTierWaf } from './web-tier';

export const LEFTOVER_CHECKS: readonly LeftoverCheck[] = [
  stacksByName,
  stacksByPrefix,
  isolationLeftovers,
  taggedResources,
  taggedEc2,
  defaultVpcName,
  iamByName,
  iamRolesByPrefix,
  logGroups,
  flowLogBucket,
  consolePasswordSecret,
  guardDutyDetectors,
  inspectorScanning,
  securityHub,
  configRecorder,
  detectiveGraph,
  webTierLoadBalancing,
  webTierFleet,
  webTierWaf,
  webTierLogs,
];
