/**
 * A participant's investigation toolkit, found by what it does rather than by the app's names: the
 * text leaves the names to them. The app's name wins where it exists (a catch-up deploy), else:
 * - the trail: the region's own multi-region trail, else any trail of the region;
 * - the Glue tables: a table over the flow-log bucket's vpcflowlogs/ path, and one over CloudTrail/,
 *   in the database that holds the flow-log table;
 * - the metric filter: the one on the flow-log group whose pattern counts REJECT records;
 * - the alarm: one on that filter's metric; the topic: that alarm's first action.
 * A lookup that fails keeps the app's name: the read then says what is missing.
 */
import { DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeAlarmsCommand, DescribeAlarmsForMetricCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeMetricFiltersCommand, MetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import { GetDatabasesCommand, GetTablesCommand, Table } from '@aws-sdk/client-glue';
import type { InvestigationLookup, Observer } from '../verify/observer';

const attempt = async <T>(fn: () => Promise<T>): Promise<T | undefined> => fn().catch(() => undefined);

async function findTrail(o: Observer, appName: string): Promise<string | undefined> {
  const trails = (await o.c.cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: false }))).trailList ?? [];
  const here = trails.filter((t) => !t.HomeRegion || t.HomeRegion === o.config.region);
  return (here.find((t) => t.Name === appName) ?? here.find((t) => t.IsMultiRegionTrail) ?? here[0])?.Name;
}

async function findTables(o: Observer, appDatabase: string): Promise<{ database: string; flow?: string; trail?: string } | undefined> {
  const databases = ((await o.c.glue.send(new GetDatabasesCommand({}))).DatabaseList ?? []).map((d) => d.Name ?? '');
  const ordered = [appDatabase, ...databases.filter((d) => d !== appDatabase)].filter((d) => databases.includes(d));
  const over = (tables: Table[], ...paths: string[]) => tables.find((t) => paths.every((p) => (t.StorageDescriptor?.Location ?? '').includes(p)))?.Name;
  for (const database of ordered) {
    const tables = (await o.c.glue.send(new GetTablesCommand({ DatabaseName: database }))).TableList ?? [];
    const flow = over(tables, `s3://${o.scope.labels.bucket}/`, '/vpcflowlogs/');
    if (flow) return { database, flow, trail: over(tables, '/CloudTrail/') };
  }
  return undefined;
}

async function findRejectFilter(o: Observer, appName: string): Promise<MetricFilter | undefined> {
  const filters = (await o.c.logs.send(new DescribeMetricFiltersCommand({ logGroupName: o.scope.names.flowLogGroup }))).metricFilters ?? [];
  return filters.find((f) => f.filterName === appName) ?? filters.find((f) => /REJECT/.test(f.filterPattern ?? ''));
}

async function findAlarm(o: Observer, appName: string, filter: MetricFilter | undefined) {
  const own = (await o.c.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [appName] }))).MetricAlarms?.[0];
  const metric = filter?.metricTransformations?.[0];
  if (own || !metric?.metricName || !metric.metricNamespace) return own;
  return (await o.c.cloudwatch.send(new DescribeAlarmsForMetricCommand({ MetricName: metric.metricName, Namespace: metric.metricNamespace }))).MetricAlarms?.[0];
}

/** The participant's names where they differ from the app's (`app`). */
export async function participantInvestigation(o: Observer, app: InvestigationLookup): Promise<InvestigationLookup> {
  const [trail, tables, filter] = await Promise.all([
    attempt(() => findTrail(o, app.trail)),
    attempt(() => findTables(o, app.glueDatabase)),
    attempt(() => findRejectFilter(o, app.rejectedFlowsFilter)),
  ]);
  const alarm = await attempt(() => findAlarm(o, app.rejectedFlowsAlarm, filter));
  const topic = alarm?.AlarmActions?.find((a) => a.includes(':sns:'));
  return {
    trail: trail ?? app.trail,
    glueDatabase: tables?.database ?? app.glueDatabase,
    flowLogTable: tables?.flow ?? app.flowLogTable,
    cloudTrailTable: tables?.trail ?? app.cloudTrailTable,
    rejectedFlowsFilter: filter?.filterName ?? app.rejectedFlowsFilter,
    rejectedFlowsAlarm: alarm?.AlarmName ?? app.rejectedFlowsAlarm,
    alarmTopicArn: alarm?.AlarmName === app.rejectedFlowsAlarm || !topic ? app.alarmTopicArn : topic,
  };
}
