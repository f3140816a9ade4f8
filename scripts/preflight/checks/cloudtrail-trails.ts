/**
 * Room for the workshop's trail (investigation part): CloudTrail allows 5 trails per region
 * (not adjustable). The app's own trail (a deployed copy) is not counted.
 */
import { DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { workshopNames } from '../../../lib/config/workshop-config';
import { PreflightCheck } from '../types';

/** CloudTrail's trails per region (AWS CloudTrail user guide, "Quotas in AWS CloudTrail"); not adjustable. */
export const TRAILS_PER_REGION = 5;

export const cloudTrailTrails: PreflightCheck = {
  check: 'CloudTrail trails',
  async run({ config, c }, out) {
    const own = workshopNames(config).investigation.trail;
    // Trails whose home is this region (a multi-region trail of another region shows as a shadow: excluded).
    const trails = ((await c.cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: false }))).trailList ?? []).filter(
      (t) => !t.HomeRegion || t.HomeRegion === config.region,
    );
    const foreign = trails.filter((t) => t.Name !== own);
    const ownNote = trails.length > foreign.length ? ` (1 is the app's own, ${own})` : '';
    const found = `${trails.length} trail(s)${ownNote} of ${TRAILS_PER_REGION} per region (not adjustable); the app creates 1 (${own})`;
    if (foreign.length + 1 > TRAILS_PER_REGION) {
      out.push({
        level: 'BLOCKER',
        check: 'CloudTrail trails',
        found: `${found}: none free (${foreign.map((t) => t.Name).join(', ')})`,
        action: `delete a trail no one uses (aws cloudtrail describe-trails --region ${config.region}; aws cloudtrail delete-trail --name <name> --region ${config.region}); the quota cannot be raised`,
      });
    } else {
      out.push({ level: 'INFO', check: 'CloudTrail trails', found: `${found}: ${TRAILS_PER_REGION - foreign.length} free`, action: '' });
    }
  },
};
