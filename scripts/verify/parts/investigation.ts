/**
 * Workshop part 2's investigation: the alarm topic, the REJECT metric filter and its alarm, the
 * Glue tables over the flow logs and CloudTrail, the Athena workgroup and its saved queries, the
 * trail, the Wazuh reader policy. The saved Logs Insights queries (AWS::Logs::QueryDefinition) are
 * not read: the local emulator has no query-definition API, and verify checks only what it reads
 * the same way everywhere.
 */
import { GetNamedQueryCommand, GetWorkGroupCommand, ListNamedQueriesCommand } from '@aws-sdk/client-athena';
import { GetTrailCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetDatabaseCommand, GetTableCommand } from '@aws-sdk/client-glue';
import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { athenaQueryNames, outputBucket, rejectedFlowsPattern, RESULTS_BUCKET_OUTPUT, TRAIL_BUCKET_OUTPUT, UNSET } from '../labels';
import { InvestigationLookup, list, Observer, policyStatements } from '../observer';
import { appOnly, resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';

/** Why rows are the app's own (the hands-on check leaves them out; lib/config/text-slips.ts has the text's side). */
const APP_NAMES = "the app's own names: a participant names theirs";
const APP_WORKGROUP = 'participants query in the primary workgroup; the app adds its own, with saved queries';
const APP_WAZUH = 'the Wazuh hand-off is the app\'s, not a workshop step';

function expectedRows({ config, target, labels: L, names: n, arn }: Scope): ExpectedRow[] {
  const inv = n.investigation;
  const queries = athenaQueryNames();
  const projection = (name: string) => appOnly(resourceRows('glueTable', L.glueTable(name), [['projection.enabled', 'true']]).slice(1), 'partition projection is the app\'s choice (no crawler, no MSCK REPAIR)');
  const flowLocation = `s3://${L.bucket}/${n.flowLogS3Folder}/AWSLogs/${target.account}/vpcflowlogs/${config.region}/`;
  const metric = `${inv.metricNamespace}/${inv.rejectedFlowsMetric}`;
  return [
    ...resourceRows('snsTopic', L.topic),
    ...resourceRows('metricFilter', L.metricFilter, [['metric value', '1']]),
    ...appOnly(resourceRows('metricFilter', L.metricFilter, [['pattern', rejectedFlowsPattern()], ['metric', metric]]).slice(1), APP_NAMES),
    ...resourceRows('alarm', L.alarm, [['statistic', 'Sum']]),
    ...appOnly(
      resourceRows('alarm', L.alarm, [
        ['metric', metric],
        ['period (s)', 300],
        ['threshold', config.rejectedFlowsAlarmThreshold],
        ['comparison', 'GreaterThanOrEqualToThreshold'],
        ['alarm actions', arn('sns', inv.alarmTopic)],
      ]).slice(1),
      "the alarm's metric, period and threshold are the app's choice",
    ),
    ...resourceRows('glueDatabase', L.glueDatabase),
    ...resourceRows('glueTable', L.glueTable(inv.flowLogTable), [['location', flowLocation, [flowLocation.replace(/\/$/, '')]]]),
    ...projection(inv.flowLogTable),
    ...resourceRows('glueTable', L.glueTable(inv.cloudTrailTable)),
    ...appOnly(
      resourceRows('glueTable', L.glueTable(inv.cloudTrailTable), [['location', `s3://${outputBucket(TRAIL_BUCKET_OUTPUT)}/AWSLogs/${target.account}/CloudTrail/${config.region}/`]]).slice(1),
      "the trail's bucket is the app's",
    ),
    ...projection(inv.cloudTrailTable),
    ...appOnly(
      resourceRows('athenaWorkGroup', L.workGroup, [
        ['state', 'ENABLED'],
        ['enforce workgroup configuration', true],
        ['output location', `s3://${outputBucket(RESULTS_BUCKET_OUTPUT)}/`],
        // The app's KMS key (Control Tower); by hand it is the text's SSE-S3, but the workgroup is the app's alone.
        ['result encryption', 'SSE_KMS'],
        ['saved queries', queries.length],
        ['saved query names', queries.join(', ')],
      ]),
      APP_WORKGROUP,
    ),
    ...resourceRows('trail', L.trail, [
      ['multi-region', true],
      ['log file validation', true],
      ['logging', true],
    ]),
    ...appOnly(
      resourceRows('trail', L.trail, [
        ['S3 bucket', outputBucket(TRAIL_BUCKET_OUTPUT)],
        ['CloudWatch Logs group', inv.trailLogGroup],
      ]).slice(1),
      APP_NAMES,
    ),
    ...appOnly(
      resourceRows('iamPolicy', L.wazuhPolicy, [
        // The app's flow-log files are SSE-KMS (Control Tower): the reader decrypts them.
        ['actions', 'ec2:DescribeFlowLogs, kms:Decrypt, s3:GetObject, s3:ListBucket'],
        ['s3:GetObject resource', `arn:${target.partition}:s3:::${L.bucket}/${n.flowLogS3Folder}/*`],
      ]),
      APP_WAZUH,
    ),
  ];
}

/** Generated bucket names: the stack's outputs say which bucket is which, and rows show the output's name. */
async function bucketNames(o: Observer) {
  const outputs = await o.stackOutputs();
  const bucketShown = (bucket: string | undefined) => {
    const output = [RESULTS_BUCKET_OUTPUT, TRAIL_BUCKET_OUTPUT].find((x) => bucket && outputs[x] === bucket);
    return output ? outputBucket(output) : (bucket ?? UNSET);
  };
  const s3UrlShown = (url: string | undefined) => (url ? url.replace(/^s3:\/\/([^/]+)/, (_, b: string) => `s3://${bucketShown(b)}`) : UNSET);
  return { bucketShown, s3UrlShown };
}

async function observeAlarming(o: Observer, look: InvestigationLookup): Promise<void> {
  const { labels: L, names: n } = o.scope;
  await o.absentOn(L.topic, /NotFound/, async () => {
    await o.c.sns.send(new GetTopicAttributesCommand({ TopicArn: look.alarmTopicArn }));
    o.exists(L.topic, true, look.alarmTopicArn);
  });
  await o.absentOn(L.metricFilter, /ResourceNotFound/, async () => {
    const filters = (await o.c.logs.send(new DescribeMetricFiltersCommand({ logGroupName: n.flowLogGroup, filterNamePrefix: look.rejectedFlowsFilter }))).metricFilters ?? [];
    const f = filters.find((x) => x.filterName === look.rejectedFlowsFilter);
    o.exists(L.metricFilter, f);
    if (!f) return;
    o.val(L.metricFilter, 'pattern', f.filterPattern ?? UNSET);
    const t = f.metricTransformations?.[0];
    const more = (f.metricTransformations?.length ?? 0) > 1 ? `${f.metricTransformations!.length} transformations, first shown` : undefined;
    o.val(L.metricFilter, 'metric', t ? `${t.metricNamespace}/${t.metricName}` : 'none', more);
    o.val(L.metricFilter, 'metric value', t?.metricValue ?? UNSET);
  });
  await o.guard(L.alarm, async () => {
    const a = (await o.c.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [look.rejectedFlowsAlarm] }))).MetricAlarms?.[0];
    o.exists(L.alarm, a);
    if (!a) return;
    o.val(L.alarm, 'metric', `${a.Namespace}/${a.MetricName}`);
    o.val(L.alarm, 'statistic', a.Statistic ?? a.ExtendedStatistic ?? UNSET);
    o.val(L.alarm, 'period (s)', a.Period ?? UNSET);
    o.val(L.alarm, 'threshold', a.Threshold ?? UNSET);
    o.val(L.alarm, 'comparison', a.ComparisonOperator ?? UNSET);
    o.val(L.alarm, 'alarm actions', (a.AlarmActions ?? []).join(', ') || 'none');
  });
}

async function observeQuerying(o: Observer, look: InvestigationLookup, shown: Awaited<ReturnType<typeof bucketNames>>): Promise<void> {
  const { labels: L, names: n } = o.scope;
  const inv = n.investigation;
  await o.absentOn(L.glueDatabase, /EntityNotFound/, async () => {
    o.exists(L.glueDatabase, (await o.c.glue.send(new GetDatabaseCommand({ Name: look.glueDatabase }))).Database, look.glueDatabase);
  });
  for (const [name, found] of [[inv.flowLogTable, look.flowLogTable], [inv.cloudTrailTable, look.cloudTrailTable]]) {
    const label = L.glueTable(name);
    await o.absentOn(label, /EntityNotFound/, async () => {
      const t = (await o.c.glue.send(new GetTableCommand({ DatabaseName: look.glueDatabase, Name: found }))).Table;
      o.exists(label, t);
      if (!t) return;
      const location = t.StorageDescriptor?.Location;
      o.val(label, 'location', shown.s3UrlShown(location), location !== shown.s3UrlShown(location) ? location : undefined);
      o.val(label, 'projection.enabled', t.Parameters?.['projection.enabled'] ?? UNSET);
    });
  }
  await o.absentOn(L.workGroup, /InvalidRequest/, async () => {
    const w = (await o.c.athena.send(new GetWorkGroupCommand({ WorkGroup: inv.athenaWorkGroup }))).WorkGroup;
    o.exists(L.workGroup, w);
    if (!w) return;
    o.val(L.workGroup, 'state', w.State ?? UNSET);
    o.val(L.workGroup, 'enforce workgroup configuration', w.Configuration?.EnforceWorkGroupConfiguration ?? UNSET);
    const output = w.Configuration?.ResultConfiguration?.OutputLocation;
    o.val(L.workGroup, 'output location', shown.s3UrlShown(output), output !== shown.s3UrlShown(output) ? output : undefined);
    o.val(L.workGroup, 'result encryption', w.Configuration?.ResultConfiguration?.EncryptionConfiguration?.EncryptionOption ?? UNSET);
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await o.c.athena.send(new ListNamedQueriesCommand({ WorkGroup: inv.athenaWorkGroup, NextToken: token }));
      ids.push(...(page.NamedQueryIds ?? []));
      token = page.NextToken || undefined;
    } while (token);
    const names: string[] = [];
    for (const id of ids) names.push((await o.c.athena.send(new GetNamedQueryCommand({ NamedQueryId: id }))).NamedQuery?.Name ?? id);
    o.val(L.workGroup, 'saved queries', ids.length);
    o.val(L.workGroup, 'saved query names', names.sort().join(', ') || 'none');
  });
}

async function observeTrailAndWazuh(o: Observer, look: InvestigationLookup, shown: Awaited<ReturnType<typeof bucketNames>>): Promise<void> {
  const { target, labels: L, names: n } = o.scope;
  const inv = n.investigation;
  await o.absentOn(L.trail, /TrailNotFound/, async () => {
    const t = (await o.c.cloudtrail.send(new GetTrailCommand({ Name: look.trail }))).Trail;
    o.exists(L.trail, t, t?.TrailARN);
    if (!t) return;
    o.val(L.trail, 'multi-region', t.IsMultiRegionTrail ?? UNSET);
    o.val(L.trail, 'log file validation', t.LogFileValidationEnabled ?? UNSET);
    o.val(L.trail, 'S3 bucket', shown.bucketShown(t.S3BucketName), t.S3BucketName);
    const group = t.CloudWatchLogsLogGroupArn?.split(':log-group:')[1]?.replace(/:\*$/, '');
    o.val(L.trail, 'CloudWatch Logs group', group ?? 'none');
    const status = await o.c.cloudtrail.send(new GetTrailStatusCommand({ Name: look.trail }));
    o.val(L.trail, 'logging', status.IsLogging ?? UNSET);
  });
  await o.absentOn(L.wazuhPolicy, /NoSuchEntity/, async () => {
    const policyArn = `arn:${target.partition}:iam::${target.account}:policy/${inv.wazuhReader}`;
    const p = (await o.c.iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))).Policy;
    o.exists(L.wazuhPolicy, p, p?.DefaultVersionId);
    if (!p?.DefaultVersionId) return;
    const version = await o.c.iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: p.DefaultVersionId }));
    const allowed = policyStatements(version.PolicyVersion?.Document).filter((st) => st.Effect === 'Allow');
    o.val(L.wazuhPolicy, 'actions', [...new Set(allowed.flatMap((st) => list(st.Action)))].sort().join(', ') || 'none');
    const getObject = allowed.filter((st) => list(st.Action).includes('s3:GetObject')).flatMap((st) => list(st.Resource));
    o.val(L.wazuhPolicy, 's3:GetObject resource', getObject.sort().join(', ') || 'none');
  });
}

export const investigationPart: VerifyPart = {
  part: 'investigation',
  expectedRows,
  async observe(o) {
    const shown = await bucketNames(o);
    const look = await o.investigationLookup();
    await observeAlarming(o, look);
    await observeQuerying(o, look, shown);
    await observeTrailAndWazuh(o, look, shown);
  },
};
