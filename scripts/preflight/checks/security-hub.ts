/**
 * Day 2, respond (only with day2): a Security Hub, a Config recorder or (with detective) a
 * Detective graph that exists is adopted, left as found at destroy.
 */
import { DescribeConfigurationRecordersCommand } from '@aws-sdk/client-config-service';
import { ListGraphsCommand } from '@aws-sdk/client-detective';
import { DescribeHubCommand } from '@aws-sdk/client-securityhub';
import { errorName } from '../../operator/errors';
import { callFailed, PreflightCheck } from '../types';

const ORG = 'organisation SCPs may deny it';

export const securityHub: PreflightCheck = {
  check: 'Security Hub',
  async run({ config, c }, out) {
    if (!config.day2) return;
    try {
      const hub = (await c.securityhub.send(new DescribeHubCommand({}))).HubArn;
      out.push({ level: 'INFO', check: 'Security Hub', found: `hub ${hub} exists: adopted, left as found at destroy (its standards are not changed)`, action: '' });
    } catch (e) {
      if (errorName(e) === 'InvalidAccessException') {
        out.push({
          level: 'INFO',
          check: 'Security Hub',
          found: 'no hub: the app enables one with AWS Foundational Security Best Practices and CIS, and disables it at destroy',
          action: '',
        });
      } else out.push(callFailed('WARN', 'Security Hub', 'securityhub:DescribeHub', e, `day 2 needs Security Hub in this account and region (${ORG})`));
    }

    try {
      const recorder = (await c.configService.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders?.[0]?.name;
      out.push({
        level: 'INFO',
        check: 'AWS Config',
        found: recorder
          ? `recorder ${recorder} exists: adopted, left as found at destroy (its recording settings and channel are not changed)`
          : 'no recorder: the app creates one with a delivery channel and deletes both at destroy',
        action: '',
      });
    } catch (e) {
      out.push(callFailed('WARN', 'AWS Config', 'config:DescribeConfigurationRecorders', e, `day 2 needs AWS Config in this account and region (${ORG})`));
    }

    if (!config.detective) return;
    try {
      const graph = (await c.detective.send(new ListGraphsCommand({}))).GraphList?.[0]?.Arn;
      out.push({
        level: 'INFO',
        check: 'Detective',
        found: graph ? `behavior graph ${graph} exists: adopted, left at destroy` : 'no behavior graph: the app creates one and deletes it at destroy',
        action: '',
      });
    } catch (e) {
      out.push(callFailed('WARN', 'Detective', 'detective:ListGraphs', e, `detective=true needs Amazon Detective in this account and region (${ORG})`));
    }
  },
};
