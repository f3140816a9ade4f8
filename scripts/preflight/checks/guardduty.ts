/**
 * GuardDuty (detection part): a detector that exists is adopted in its state: an enabled one is
 * left on at destroy; a disabled (suspended) one is enabled, and disabled again at destroy.
 */
import { GetDetectorCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { callFailed, PreflightCheck } from '../types';

export const guardDuty: PreflightCheck = {
  check: 'GuardDuty',
  async run({ c }, out) {
    try {
      const id = (await c.guardduty.send(new ListDetectorsCommand({}))).DetectorIds?.[0];
      if (!id) {
        out.push({ level: 'INFO', check: 'GuardDuty', found: 'no detector: the app creates one and deletes it at destroy', action: '' });
        return;
      }
      const status = (await c.guardduty.send(new GetDetectorCommand({ DetectorId: id }))).Status;
      out.push({
        level: 'INFO',
        check: 'GuardDuty',
        found: status === 'ENABLED'
          ? `detector ${id} exists, enabled: the app adopts it and leaves it on at destroy`
          : `detector ${id} exists, ${status ?? 'status unknown'}: the app adopts it, enables it, and disables it again at destroy`,
        action: '',
      });
    } catch (e) {
      const action = 'the Detection stack needs GuardDuty in this account and region (organisation SCPs may deny it)';
      out.push(callFailed('WARN', 'GuardDuty', 'guardduty:ListDetectors', e, action));
    }
  },
};
