/** Reads the deployed environment back, part by part (./parts), recording for each expected row what was found. */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import type { AwsClients } from '../operator/clients';
import { DeployTarget } from './labels';
import { Observer } from './observer';
import { scopeOf } from './part';
import { verifyPartsFor } from './parts';
import { Observation } from './types';

export async function observe(c: AwsClients, config: WorkshopConfig, target: DeployTarget, parts = verifyPartsFor(config)): Promise<Observation> {
  const o = new Observer(c, scopeOf(config, target));
  for (const part of parts) await part.observe(o);
  return o.observation;
}
