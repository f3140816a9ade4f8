/** The compute part's mark on what it does not own: the default VPC's Name tag (Default-VPC), which the destroy removes. */
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { LeftoverCheck, nameOf } from '../scan';

export const defaultVpcName: LeftoverCheck = {
  name: 'default VPC Name tag',
  run: (s) =>
    s.attempt('default VPC Name tag', async () => {
      for (const v of (await s.c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs ?? []) {
        if (nameOf(v.Tags) !== s.names.defaultVpc) continue;
        s.add({
          kind: 'default VPC Name tag',
          id: `${v.VpcId}#Name`,
          via: 'DescribeVpcs is-default',
          detail: `${v.VpcId} still named ${s.names.defaultVpc}`,
          action: `aws ec2 delete-tags --resources ${v.VpcId} --tags Key=Name --region ${s.region}`,
        });
      }
    }),
};
