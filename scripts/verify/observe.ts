/** Reads the deployed environment back, part by part (./parts), recording for each expected row what was found. */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import type { AwsClients } from '../operator/clients';
import { DeployTarget } from './labels';
import { Observer } from './observer';
import { scopeOf } from './part';
import { VERIFY_PARTS } from './parts';
import { Observation } from './types';

export async function observe(c: AwsClients, config: WorkshopConfig, target: DeployTarget, parts = VERIFY_PARTS): Promise<Observation> {
  const o = new Observer(c, scopeOf(config, target));
  for (const part of parts) await part.observe(o);
  return o.observation;
}
