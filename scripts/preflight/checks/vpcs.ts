/** Room for the workshop VPC (network part). */
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { DEFAULT_QUOTAS, quotaAction, readQuota } from '../quota';
import { PreflightCheck } from '../types';

export const vpcs: PreflightCheck = {
  check: 'VPCs',
  async run({ config, c }, out) {
    const quota = await readQuota(c.quotas, DEFAULT_QUOTAS.vpcs);
    const vpcs = (await c.ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    const found = `${vpcs.length} VPC(s) of ${quota.value} (${quota.source}); the app creates 1`;
    if (quota.value - vpcs.length < 1) {
      out.push({
        level: 'BLOCKER',
        check: 'VPCs',
        found: `${found}: none free`,
        action: `delete an unused VPC (aws ec2 describe-vpcs --region ${config.region}) or ${quotaAction(DEFAULT_QUOTAS.vpcs, config.region)}`,
      });
    } else {
      out.push({ level: 'INFO', check: 'VPCs', found: `${found}: ${quota.value - vpcs.length} free`, action: '' });
    }
  },
};
