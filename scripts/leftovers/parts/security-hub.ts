/**
 * Day 2, respond. What the app names as its own is a leftover when it outlives the stack: the
 * custom action IsolateInstance, the insight "workshop findings by resource", the Config recorder
 * and delivery channel named <stack>-recorder. The hub (with its standards) and a Detective graph
 * are INFO for a human to judge, as GuardDuty is: the app adopts one the account has. Checked
 * whatever the settings, since a destroy may be run without -c day2=true; the Detective graph only
 * with -c detective=true (ListGraphs is a Detective call an account without Detective never needs).
 */
import { DescribeConfigurationRecordersCommand, DescribeDeliveryChannelsCommand } from '@aws-sdk/client-config-service';
import { ListGraphsCommand } from '@aws-sdk/client-detective';
import { DescribeActionTargetsCommand, DescribeHubCommand, GetEnabledStandardsCommand, GetInsightsCommand } from '@aws-sdk/client-securityhub';
import { configRecorderName, ISOLATE_ACTION, WORKSHOP_INSIGHT } from '../../../lib/config/security-hub';
import { errorName } from '../../operator/errors';
import { LeftoverCheck, Scan } from '../scan';

async function hubArn(s: Scan): Promise<string | undefined> {
  try {
    return (await s.c.securityhub.send(new DescribeHubCommand({}))).HubArn;
  } catch (e) {
    if (errorName(e) === 'InvalidAccessException') return undefined; // no hub in this region
    throw e;
  }
}

export const securityHub: LeftoverCheck = {
  name: 'Security Hub',
  run: (s) =>
    s.attempt('Security Hub', async () => {
      const hub = await hubArn(s);
      if (!hub) return;
      const standards = ((await s.c.securityhub.send(new GetEnabledStandardsCommand({}))).StandardsSubscriptions ?? []).map((x) => x.StandardsArn);
      s.add(
        {
          kind: 'Security Hub',
          id: hub,
          via: 'SecurityHub DescribeHub',
          detail: `on, standards: ${standards.join(', ') || 'none'} (the app disables only a hub it enabled; this one was adopted, or the stack's delete failed)`,
          action: `if it was off before the workshop: aws securityhub disable-security-hub --region ${s.region}`,
        },
        s.info,
      );
      const actions = (await s.c.securityhub.send(new DescribeActionTargetsCommand({}))).ActionTargets ?? [];
      for (const a of actions.filter((x) => x.ActionTargetArn?.endsWith(`:action/custom/${ISOLATE_ACTION.id}`))) {
        s.add({
          kind: 'Security Hub custom action',
          id: a.ActionTargetArn!,
          name: a.Name,
          via: 'SecurityHub DescribeActionTargets',
          detail: 'the custom action the app creates',
          action: `aws securityhub delete-action-target --action-target-arn ${a.ActionTargetArn} --region ${s.region}`,
        });
      }
      const insights = (await s.c.securityhub.send(new GetInsightsCommand({}))).Insights ?? [];
      for (const i of insights.filter((x) => x.Name === WORKSHOP_INSIGHT.name)) {
        s.add({
          kind: 'Security Hub insight',
          id: i.InsightArn!,
          name: i.Name,
          via: 'SecurityHub GetInsights',
          detail: 'the custom insight the app creates',
          action: `aws securityhub delete-insight --insight-arn ${i.InsightArn} --region ${s.region}`,
        });
      }
    }),
};

export const configRecorder: LeftoverCheck = {
  name: 'AWS Config recorder',
  run: (s) =>
    s.attempt('AWS Config', async () => {
      const ours = configRecorderName(s.config);
      const recorders = (await s.c.configService.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders ?? [];
      const channels = (await s.c.configService.send(new DescribeDeliveryChannelsCommand({}))).DeliveryChannels ?? [];
      for (const ch of channels.filter((c) => c.name === ours)) {
        s.add({
          kind: 'AWS Config delivery channel',
          id: `config-channel:${ch.name}`,
          via: 'Config DescribeDeliveryChannels',
          detail: `delivers to s3://${ch.s3BucketName}`,
          action: `aws configservice delete-delivery-channel --delivery-channel-name ${ch.name} --region ${s.region}`,
        });
      }
      for (const r of recorders) {
        const leftover = {
          kind: 'AWS Config recorder',
          id: `config-recorder:${r.name}`,
          via: 'Config DescribeConfigurationRecorders',
          detail: r.name === ours ? 'the recorder the app creates' : `${r.name} (not named as the app names its own: adopted, left as found)`,
          action: `aws configservice stop-configuration-recorder --configuration-recorder-name ${r.name} --region ${s.region} && aws configservice delete-configuration-recorder --configuration-recorder-name ${r.name} --region ${s.region}`,
        };
        if (r.name === ours) s.add(leftover);
        else s.add({ ...leftover, action: `if it was not there before the workshop: ${leftover.action}` }, s.info);
      }
    }),
};

export const detectiveGraph: LeftoverCheck = {
  name: 'Detective behavior graph',
  run: (s) =>
    s.config.detective
      ? s.attempt('Detective', async () => {
          for (const g of (await s.c.detective.send(new ListGraphsCommand({}))).GraphList ?? []) {
            s.add(
              {
                kind: 'Detective behavior graph',
                id: g.Arn!,
                via: 'Detective ListGraphs',
                detail: `${g.Arn} (the app deletes only a graph it created; this one was adopted, or the stack's delete failed)`,
                action: `if it was not there before the workshop: aws detective delete-graph --graph-arn ${g.Arn} --region ${s.region}`,
              },
              s.info,
            );
          }
        })
      : Promise.resolve(),
};
