/** The default VPC and its default subnet in the first AZ, where the webserver (compute part) launches. */
import { DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { workshopNames } from '../../../lib/config/workshop-config';
import { PreflightCheck } from '../types';

export const defaultVpc: PreflightCheck = {
  check: 'Default VPC',
  async run({ config, c }, out) {
    const vpcs = (await c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs ?? [];
    if (vpcs.length === 0) {
      out.push({
        level: 'BLOCKER',
        check: 'Default VPC',
        found: `no default VPC in ${config.region}; ${workshopNames(config).webserver} is launched in it`,
        action: `aws ec2 create-default-vpc --region ${config.region}`,
      });
      return;
    }
    const vpcId = vpcs[0].VpcId!;
    const az = config.availabilityZones[0];
    const subnets =
      (
        await c.ec2.send(
          new DescribeSubnetsCommand({
            Filters: [
              { Name: 'vpc-id', Values: [vpcId] },
              { Name: 'availability-zone', Values: [az] },
              { Name: 'default-for-az', Values: ['true'] },
            ],
          }),
        )
      ).Subnets ?? [];
    if (subnets.length === 0) {
      out.push({
        level: 'BLOCKER',
        check: 'Default VPC',
        found: `default VPC ${vpcId} has no default subnet in ${az}, where the webserver launches`,
        action: `aws ec2 create-default-subnet --availability-zone ${az} --region ${config.region}`,
      });
      return;
    }
    const name = vpcs[0].Tags?.find((t) => t.Key === 'Name')?.Value;
    out.push({
      level: 'INFO',
      check: 'Default VPC',
      found: `${vpcId} with default subnet ${subnets[0].SubnetId} in ${az}${name ? ` (Name tag "${name}"; the app sets Default-VPC and removes it at destroy)` : ''}`,
      action: '',
    });
  },
};
