/** The configured AZs exist, and the AZ the instances launch in offers their types. */
import { zonesOf } from '../../../lib/config/regions';
import { DescribeAvailabilityZonesCommand, DescribeInstanceTypeOfferingsCommand } from '@aws-sdk/client-ec2';
import { PreflightCheck } from '../types';

export const zonesAndInstanceTypes: PreflightCheck = {
  check: 'Availability zones',
  async run({ config, c }, out) {
    const zones = (await c.ec2.send(new DescribeAvailabilityZonesCommand({ AllAvailabilityZones: false }))).AvailabilityZones ?? [];
    const available = new Set(zones.filter((z) => z.State === 'available').map((z) => z.ZoneName!));
    const missing = config.availabilityZones.filter((az) => !available.has(az));
    if (missing.length > 0) {
      out.push({
        level: 'BLOCKER',
        check: 'Availability zones',
        found: `${missing.join(', ')} not available in ${config.region} (available: ${[...available].sort().join(', ')})`,
        // Only AZs the settings accept (lib/config/regions.ts): the suggestion must itself be valid.
        action: `pick three available AZs: -c availabilityZones=${[...available].filter((z) => zonesOf(config.region).includes(z)).sort().slice(0, 3).join(',')} (or in cdk.json)`,
      });
    } else {
      out.push({ level: 'INFO', check: 'Availability zones', found: `${config.availabilityZones.join(', ')} available`, action: '' });
    }

    const types = [...new Set(Object.values(config.instanceTypes))];
    const offered = new Map<string, Set<string>>();
    let nextToken: string | undefined;
    do {
      const page = await c.ec2.send(
        new DescribeInstanceTypeOfferingsCommand({
          LocationType: 'availability-zone',
          Filters: [
            { Name: 'instance-type', Values: types },
            { Name: 'location', Values: [...config.availabilityZones] },
          ],
          NextToken: nextToken,
        }),
      );
      for (const o of page.InstanceTypeOfferings ?? []) {
        if (!offered.has(o.Location!)) offered.set(o.Location!, new Set());
        offered.get(o.Location!)!.add(o.InstanceType!);
      }
      nextToken = page.NextToken;
    } while (nextToken);

    // All three instances launch in the first AZ (default subnet there; Private-Subnet-a).
    const launchAz = config.availabilityZones[0];
    const roles = Object.entries(config.instanceTypes) as [string, string][];
    const notInLaunchAz = roles.filter(([, t]) => !offered.get(launchAz)?.has(t));
    if (notInLaunchAz.length > 0) {
      const alternatives = config.availabilityZones.filter((az) => notInLaunchAz.every(([, t]) => offered.get(az)?.has(t)));
      out.push({
        level: 'BLOCKER',
        check: 'Instance types',
        found: `${notInLaunchAz.map(([r, t]) => `${t} (${r})`).join(', ')} not offered in ${launchAz}, where the instances launch`,
        action:
          alternatives.length > 0
            ? `put an AZ that offers them first: -c availabilityZones=${[alternatives[0], ...config.availabilityZones.filter((a) => a !== alternatives[0])].join(',')}`
            : 'choose other AZs (aws ec2 describe-instance-type-offerings --location-type availability-zone) or other instance types (-c webserverInstanceType=...)',
      });
    } else {
      out.push({ level: 'INFO', check: 'Instance types', found: `${types.join(', ')} offered in ${launchAz}, where the instances launch`, action: '' });
    }
    const elsewhere = config.availabilityZones
      .slice(1)
      .filter((az) => available.has(az))
      .map((az) => [az, types.filter((t) => !offered.get(az)?.has(t))] as const)
      .filter(([, t]) => t.length > 0);
    for (const [az, t] of elsewhere) {
      out.push({
        level: 'WARN',
        check: 'Instance types',
        found: `${t.join(', ')} not offered in ${az}; no instance launches there today, but one moved to that AZ would fail`,
        action: 'nothing for the current layout',
      });
    }
  },
};
