/**
 * The detection part, as INFO for a human to judge and never a failure: the app adopts a GuardDuty
 * detector or Inspector EC2 scanning that exists, so one still on may be the account's own.
 */
import { GetDetectorCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { BatchGetAccountStatusCommand } from '@aws-sdk/client-inspector2';
import { errorName } from '../../operator/errors';
import { LeftoverCheck } from '../scan';

export const guardDutyDetectors: LeftoverCheck = {
  name: 'GuardDuty detectors',
  async run(s) {
    try {
      for (const id of (await s.c.guardduty.send(new ListDetectorsCommand({}))).DetectorIds ?? []) {
        const status = (await s.c.guardduty.send(new GetDetectorCommand({ DetectorId: id }))).Status ?? 'status unknown';
        s.add(
          {
            kind: 'GuardDuty detector',
            id: `guardduty:${id}`,
            via: 'GuardDuty ListDetectors',
            detail: `${id} is ${status} (the app deletes only a detector it created and disables one it enabled; this one was adopted, is under an administrator account, or the stack's delete failed)`,
            action: `if it was not there before the workshop: aws guardduty delete-detector --detector-id ${id} --region ${s.region}`,
          },
          s.info,
        );
      }
    } catch (e) {
      s.add({ kind: 'GuardDuty', id: 'guardduty:?', via: 'GuardDuty ListDetectors', detail: `could not list detectors: ${errorName(e)}`, action: 'check by hand' }, s.info);
    }
  },
};

export const inspectorScanning: LeftoverCheck = {
  name: 'Inspector EC2 scanning',
  async run(s) {
    const account = s.account;
    try {
      const st = await s.c.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: [account] }));
      const ec2 = st.accounts?.find((a) => a.accountId === account)?.resourceState?.ec2?.status;
      if (ec2 === 'ENABLED' || ec2 === 'ENABLING') {
        s.add(
          {
            kind: 'Inspector EC2 scanning',
            id: 'inspector2:ec2',
            via: 'Inspector BatchGetAccountStatus',
            detail: `${ec2} (the app disables it only if it enabled it)`,
            action: `if it was off before the workshop: aws inspector2 disable --resource-types EC2 --account-ids ${account} --region ${s.region}`,
          },
          s.info,
        );
      }
    } catch (e) {
      s.add({ kind: 'Inspector', id: 'inspector2:?', via: 'Inspector BatchGetAccountStatus', detail: `could not read the account status: ${errorName(e)}`, action: 'check by hand' }, s.info);
    }
  },
};
