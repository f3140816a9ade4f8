/**
 * Workshop part 2's detection as a participant's steps: GuardDuty on, Inspector scanning EC2.
 * verify expects no rows for detection (the app adopts what the account already has, so what is on
 * says nothing about a deployment); for a participant, "is it on" is exactly the step. The rows
 * have verify's shape (a VerifyPart) and are compared by verify's rules.
 */
import { GetDetectorCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { BatchGetAccountStatusCommand } from '@aws-sdk/client-inspector2';
import { NOT_FOUND } from '../verify/compare';
import { resourceRows, VerifyPart } from '../verify/part';

export const GUARDDUTY = 'GuardDuty detector';
export const INSPECTOR = 'Inspector EC2 scanning';

export const detectionSteps: VerifyPart = {
  part: 'detection',
  expectedRows: () => [...resourceRows('detector', GUARDDUTY, [['status', 'ENABLED']]), ...resourceRows('detector', INSPECTOR, [['status', 'ENABLED', ['ENABLING']]])],
  async observe(o) {
    await o.guard(GUARDDUTY, async () => {
      const id = (await o.c.guardduty.send(new ListDetectorsCommand({}))).DetectorIds?.[0];
      o.exists(GUARDDUTY, id, id);
      if (id) o.val(GUARDDUTY, 'status', (await o.c.guardduty.send(new GetDetectorCommand({ DetectorId: id }))).Status ?? 'unknown');
    });
    await o.guard(INSPECTOR, async () => {
      const account = o.scope.target.account;
      const status = (await o.c.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: [account] }))).accounts?.find((a) => a.accountId === account)?.resourceState?.ec2?.status;
      // Never enabled reads as DISABLED: the step is not started, as for a resource that is not there.
      o.val(INSPECTOR, 'exists', status && status !== 'DISABLED' ? 'yes' : NOT_FOUND, status);
      if (status && status !== 'DISABLED') o.val(INSPECTOR, 'status', status);
    });
  },
};
