/** GuardDuty (detection part): a detector that exists is adopted and left on at destroy. */
import { ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { callFailed, PreflightCheck } from '../types';

export const guardDuty: PreflightCheck = {
  check: 'GuardDuty',
  async run({ c }, out) {
    try {
      const ids = (await c.guardduty.send(new ListDetectorsCommand({}))).DetectorIds ?? [];
      out.push(
        ids.length > 0
          ? { level: 'INFO', check: 'GuardDuty', found: `detector ${ids.join(', ')} exists: the app adopts it and leaves it on at destroy`, action: '' }
          : { level: 'INFO', check: 'GuardDuty', found: 'no detector: the app creates one and deletes it at destroy', action: '' },
      );
    } catch (e) {
      const action = 'the Detection stack needs GuardDuty in this account and region (organisation SCPs may deny it)';
      out.push(callFailed('WARN', 'GuardDuty', 'guardduty:ListDetectors', e, action));
    }
  },
};
