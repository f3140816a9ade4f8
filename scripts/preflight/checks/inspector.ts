/** Inspector EC2 scanning (detection part): on already means adopted and left on at destroy. */
import { BatchGetAccountStatusCommand } from '@aws-sdk/client-inspector2';
import { callFailed, PreflightCheck } from '../types';

export const inspector: PreflightCheck = {
  check: 'Inspector',
  async run({ c, account }, out) {
    try {
      const res = await c.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: account ? [account] : undefined }));
      const status = res.accounts?.find((a) => !account || a.accountId === account)?.resourceState?.ec2?.status;
      if (status === 'ENABLED' || status === 'ENABLING') {
        out.push({ level: 'INFO', check: 'Inspector', found: `EC2 scanning ${status}: the app adopts it and leaves it on at destroy`, action: '' });
      } else if (status) {
        out.push({ level: 'INFO', check: 'Inspector', found: `EC2 scanning ${status}: the app enables it and disables it at destroy`, action: '' });
      } else {
        out.push({
          level: 'INFO',
          check: 'Inspector',
          found: 'EC2 scanning status not reported (account never used Inspector, or the endpoint does not report it): the app enables it and disables it at destroy',
          action: '',
        });
      }
    } catch (e) {
      const action = 'the Detection stack enables Inspector EC2 scanning; check Inspector is available and allowed in this account';
      out.push(callFailed('WARN', 'Inspector', 'inspector2:BatchGetAccountStatus', e, action));
    }
  },
};
