/**
 * Day 2, respond (only with day2): Security Hub on with the workshop's standards, the custom
 * action "Isolate instance", AWS Config recording into its channel, and the Detective graph when
 * `detective` is on. Each is the region's one (a hub, a recorder, a graph per account and region),
 * so a row reads what the region has: an adopted one shows as it was found.
 */
import { DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand, DescribeDeliveryChannelsCommand } from '@aws-sdk/client-config-service';
import { ListGraphsCommand } from '@aws-sdk/client-detective';
import { DescribeActionTargetsCommand, DescribeHubCommand, GetEnabledStandardsCommand } from '@aws-sdk/client-securityhub';
import { configRecorderName, ISOLATE_ACTION, recordingFrequency, SECURITY_HUB_STANDARDS } from '../../../lib/config/security-hub';
import { parseStandardsArn } from '../../../lib/handlers/security-hub';
import { outputBucket, UNSET } from '../labels';
import { Observer } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';

export const CONFIG_BUCKET_OUTPUT = 'ConfigBucketName';

const HUB = 'Security Hub';
const standard = (name: string) => `Security Hub standard ${name}`;
const ACTION = `Security Hub custom action ${ISOLATE_ACTION.id}`;
const RECORDER = 'AWS Config recorder';
const CHANNEL = 'AWS Config delivery channel';
const GRAPH = 'Detective behavior graph';

function expectedRows({ config, arn }: Scope): ExpectedRow[] {
  if (!config.day2) return [];
  return [
    ...resourceRows('securityHub', HUB, [['ARN', arn('securityhub', 'hub/default')]]),
    ...SECURITY_HUB_STANDARDS.flatMap((name) => resourceRows('securityHubStandard', standard(name), [['status', 'READY', ['PENDING']]])),
    ...resourceRows('securityHubAction', ACTION, [
      ['ARN', arn('securityhub', `action/custom/${ISOLATE_ACTION.id}`)],
      ['name', ISOLATE_ACTION.name],
    ]),
    ...resourceRows('configRecorder', RECORDER, [
      ['name', configRecorderName(config)],
      ['recording', true],
      ['all supported resource types', true],
      ['recording frequency', recordingFrequency(config)],
    ]),
    ...resourceRows('deliveryChannel', CHANNEL, [['S3 bucket', outputBucket(CONFIG_BUCKET_OUTPUT)]]),
    ...(config.detective ? resourceRows('detectiveGraph', GRAPH) : []),
  ];
}

async function observeHub(o: Observer): Promise<void> {
  let on = false;
  await o.absentOn(HUB, /InvalidAccessException/, async () => {
    const hub = await o.c.securityhub.send(new DescribeHubCommand({}));
    o.exists(HUB, hub.HubArn);
    o.val(HUB, 'ARN', hub.HubArn ?? UNSET);
    on = true;
  });
  if (!on) {
    for (const name of SECURITY_HUB_STANDARDS) o.exists(standard(name), false, 'no hub');
    o.exists(ACTION, false, 'no hub');
    return;
  }
  await o.guard(standard(SECURITY_HUB_STANDARDS[0]), async () => {
    const subs = (await o.c.securityhub.send(new GetEnabledStandardsCommand({}))).StandardsSubscriptions ?? [];
    for (const name of SECURITY_HUB_STANDARDS) {
      const sub = subs.find((s) => parseStandardsArn(s.StandardsArn ?? '')?.name === name);
      o.exists(standard(name), sub, sub?.StandardsArn);
      if (sub) o.val(standard(name), 'status', sub.StandardsStatus ?? UNSET);
    }
  });
  await o.guard(ACTION, async () => {
    const targets = (await o.c.securityhub.send(new DescribeActionTargetsCommand({}))).ActionTargets ?? [];
    const t = targets.find((x) => x.ActionTargetArn?.endsWith(`:action/custom/${ISOLATE_ACTION.id}`));
    o.exists(ACTION, t);
    if (!t) return;
    o.val(ACTION, 'ARN', t.ActionTargetArn);
    o.val(ACTION, 'name', t.Name ?? UNSET);
  });
}

/**
 * A recorder the region had before is adopted and left as found (lib/parts/security-hub): its name
 * and its channel's bucket are the account's, not the app's, so those two rows are not compared
 * (NOT RECORDED, with what was found); recording and resource types still are.
 */
async function observeConfig(o: Observer, bucketOutput: string | undefined, adopted: boolean): Promise<void> {
  const asFound = (resource: string, attribute: string, value: string | undefined) =>
    o.set(resource, attribute, { notRecorded: `adopted: the region's own, left as found (${value ?? UNSET})` });
  await o.guard(RECORDER, async () => {
    const r = (await o.c.configService.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders?.[0];
    o.exists(RECORDER, r);
    if (!r?.name) return;
    const status = (await o.c.configService.send(new DescribeConfigurationRecorderStatusCommand({ ConfigurationRecorderNames: [r.name] }))).ConfigurationRecordersStatus?.[0];
    if (adopted) asFound(RECORDER, 'name', r.name);
    else o.val(RECORDER, 'name', r.name);
    o.val(RECORDER, 'recording', status?.recording ?? false);
    o.val(RECORDER, 'all supported resource types', r.recordingGroup?.allSupported ?? false);
    // AWS: a recorder without recordingMode records continuously (the API's default).
    o.val(RECORDER, 'recording frequency', r.recordingMode?.recordingFrequency ?? 'CONTINUOUS');
  });
  await o.guard(CHANNEL, async () => {
    const ch = (await o.c.configService.send(new DescribeDeliveryChannelsCommand({}))).DeliveryChannels?.[0];
    o.exists(CHANNEL, ch, ch?.name);
    if (ch && adopted) asFound(CHANNEL, 'S3 bucket', ch.s3BucketName);
    else if (ch) o.val(CHANNEL, 'S3 bucket', ch.s3BucketName && ch.s3BucketName === bucketOutput ? outputBucket(CONFIG_BUCKET_OUTPUT) : (ch.s3BucketName ?? UNSET));
  });
}

export const securityHubPart: VerifyPart = {
  part: 'security-hub',
  expectedRows,
  async observe(o) {
    if (!o.config.day2) return;
    await observeHub(o);
    const outputs = await o.stackOutputs();
    await observeConfig(o, outputs[CONFIG_BUCKET_OUTPUT], outputs.ConfigRecorderAdopted === 'true');
    if (o.config.detective) {
      await o.guard(GRAPH, async () => {
        const g = (await o.c.detective.send(new ListGraphsCommand({}))).GraphList?.[0];
        o.exists(GRAPH, g, g?.Arn);
      });
    }
  },
};
