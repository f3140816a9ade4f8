/**
 * Workshop part 2's detection: GuardDuty and Inspector EC2 scanning must be ON in the account
 * and region, whoever turned them on (the app adopts what the account has, and enables a
 * disabled detector): a workshop without findings fails here. Sample findings are not read. The
 * hands-on check grades a participant's "turn them on" steps with these same rows.
 */
import { GetDetectorCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { BatchGetAccountStatusCommand } from '@aws-sdk/client-inspector2';
import { resourceRows, VerifyPart } from '../part';

export const GUARDDUTY_LABEL = 'GuardDuty detector';
export const INSPECTOR_LABEL = 'Inspector EC2 scanning';

export const detectionPart: VerifyPart = {
  part: 'detection',
  expectedRows: () => [
    ...resourceRows('guardDuty', GUARDDUTY_LABEL, [['status', 'ENABLED']]),
    // ENABLING: AWS is turning it on (the app's handler waits for ENABLED; a participant may look sooner).
    ...resourceRows('inspector', INSPECTOR_LABEL, [['status', 'ENABLED', ['ENABLING']]]),
  ],
  async observe(o) {
    await o.guard(GUARDDUTY_LABEL, async () => {
      const id = (await o.c.guardduty.send(new ListDetectorsCommand({}))).DetectorIds?.[0];
      o.exists(GUARDDUTY_LABEL, id, id);
      if (!id) return;
      o.val(GUARDDUTY_LABEL, 'status', (await o.c.guardduty.send(new GetDetectorCommand({ DetectorId: id }))).Status ?? 'none');
    });
    await o.guard(INSPECTOR_LABEL, async () => {
      const account = o.scope.target.account;
      const out = await o.c.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: [account] }));
      const failed = out.failedAccounts?.[0];
      if (failed) throw Object.assign(new Error(`${failed.errorCode}: ${failed.errorMessage}`), { name: failed.errorCode ?? 'FailedAccount' });
      // An account Inspector never saw has no status: DISABLED. For verify that is there and wrong;
      // for a participant's check (offIsAbsent) a step not started.
      const status = out.accounts?.find((a) => a.accountId === account)?.resourceState?.ec2?.status ?? 'DISABLED';
      const off = status === 'DISABLED' && o.offIsAbsent();
      o.exists(INSPECTOR_LABEL, !off, account);
      if (!off) o.val(INSPECTOR_LABEL, 'status', status);
    });
  },
};
