/** The public SSM parameters the compute part takes its AMIs from exist in the region. */
import { GetParametersCommand } from '@aws-sdk/client-ssm';
import { AMI_PARAMETERS } from '../../../lib/config/amis';
import { callFailed, PreflightCheck } from '../types';

export const amiParameters: PreflightCheck = {
  check: 'AMI parameters',
  async run({ config, c }, out) {
    const names = Object.values(AMI_PARAMETERS);
    try {
      const res = await c.ssm.send(new GetParametersCommand({ Names: names }));
      const bad = res.InvalidParameters ?? [];
      if (bad.length > 0) {
        out.push({
          level: 'BLOCKER',
          check: 'AMI parameters',
          found: `not found in ${config.region}: ${bad.join(', ')}`,
          action: 'the public AMI parameter is missing in this region: deploy to a region that has it (us-east-1), or update AMI_PARAMETERS in lib/config/amis.ts',
        });
      }
      for (const p of res.Parameters ?? []) {
        out.push({ level: 'INFO', check: 'AMI parameters', found: `${p.Name} -> ${p.Value}`, action: '' });
      }
    } catch (e) {
      const action = 'CloudFormation resolves these parameters with the deploying credentials: allow ssm:GetParameters on arn:aws:ssm:*::parameter/aws/service/*';
      out.push(callFailed('BLOCKER', 'AMI parameters', 'ssm:GetParameters', e, action));
    }
  },
};
