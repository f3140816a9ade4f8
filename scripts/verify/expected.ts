/**
 * The expected state of a deployed workshop: every part's rows (./parts), built from the SAME
 * config the app is synthesised from.
 */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { DeployTarget } from './labels';
import { scopeOf } from './part';
import { verifyPartsFor } from './parts';
import { ExpectedRow } from './types';

export { DEFAULT_FLOW_LOG_FORMAT, UNSET } from './labels';
export type { DeployTarget } from './labels';

export function expectedRows(config: WorkshopConfig, target: DeployTarget, parts = verifyPartsFor(config)): ExpectedRow[] {
  const scope = scopeOf(config, target);
  return parts.flatMap((p) => p.expectedRows(scope));
}
