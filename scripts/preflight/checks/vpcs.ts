/** Room for the workshop VPC (network part); the app's own VPC (a deployed copy) is not used quota. */
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { isOwn, ownNote } from '../own';
import { DEFAULT_QUOTAS, quotaAction, readQuota } from '../quota';
import { PreflightCheck } from '../types';

export const vpcs: PreflightCheck = {
  check: 'VPCs',
  async run({ config, c }, out) {
    const quota = await readQuota(c.quotas, DEFAULT_QUOTAS.vpcs);
    const vpcs = (await c.ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    const own = vpcs.filter((v) => isOwn(config, v.Tags)).length;
    const free = quota.value - (vpcs.length - own);
    const found = `${vpcs.length} VPC(s)${ownNote(own)} of ${quota.value} (${quota.source}); the app creates 1`;
    if (free < 1) {
      out.push({
        level: 'BLOCKER',
        check: 'VPCs',
        found: `${found}: none free`,
        action: `delete an unused VPC (aws ec2 describe-vpcs --region ${config.region}) or ${quotaAction(DEFAULT_QUOTAS.vpcs, config.region)}`,
      });
    } else {
      out.push({ level: 'INFO', check: 'VPCs', found: `${found}: ${free} free`, action: '' });
    }
  },
};
