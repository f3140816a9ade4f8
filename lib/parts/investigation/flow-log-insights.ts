import { CfnCondition, Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface FlowLogInsightsProps {
  /** The flow log's CloudWatch Logs group (Flow-logs-VPC-10-0-0-0), default format. */
  readonly logGroup: logs.ILogGroup;
  /** Query names are <folder>/VPC flow logs - ...; Logs Insights shows the folder. */
  readonly queryFolder: string;
  readonly metricNamespace: string;
  readonly metricName: string;
  readonly alarmName: string;
  readonly topicName: string;
  /** REJECT records in 5 minutes that raise the alarm. */
  readonly threshold: number;
  /** Subscribed to the topic by email when given (the recipient confirms the subscription). */
  readonly alarmEmail?: string;
  /** When given, the email subscription exists only if it holds (AlarmEmail not empty). */
  readonly alarmEmailCondition?: CfnCondition;
}

/**
 * Logs Insights queries over the default flow-log format. Logs Insights discovers the 14 fields
 * of a version 2 record itself (srcAddr, dstPort, action, bytes, ...).
 */
const RECORD_FIELDS = ['@timestamp', 'srcAddr', 'srcPort', 'dstAddr', 'dstPort', 'protocol', 'action'];
const newestFirst = { fields: RECORD_FIELDS, sort: '@timestamp desc', limit: 200 };
export const FLOW_LOG_INSIGHTS_QUERIES: Record<'rejected' | 'withAction' | 'dns' | 'topTalkers', { name: string; query: logs.QueryStringProps }> = {
  // The workshop's three filters ("Analyze flow logs in CloudWatch Logs").
  rejected: { name: 'VPC flow logs - rejected traffic', query: { ...newestFirst, filterStatements: ['action != "ACCEPT"'] } },
  withAction: { name: 'VPC flow logs - records with an action', query: { ...newestFirst, filterStatements: ['action != "-"'] } },
  dns: { name: 'VPC flow logs - DNS', query: { ...newestFirst, filterStatements: ['dstPort = 53'] } },
  topTalkers: {
    name: 'VPC flow logs - top talkers by bytes',
    query: { statsStatements: ['sum(bytes) as bytesTransferred by srcAddr, dstAddr'], sort: 'bytesTransferred desc', limit: 20 },
  },
};

/** The 14 fields of the default format (version 2), in order, for the space-delimited metric filter. */
export const DEFAULT_FLOW_LOG_FIELDS = [
  'version', 'account_id', 'interface_id', 'srcaddr', 'dstaddr', 'srcport', 'dstport',
  'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log_status',
] as const;

/**
 * The investigation of flow logs in CloudWatch Logs: saved Logs Insights queries for the
 * workshop's filters and top talkers, and an alarm on a spike of rejected traffic that notifies
 * an SNS topic.
 */
export class FlowLogInsights extends Construct {
  public readonly queries: Record<keyof typeof FLOW_LOG_INSIGHTS_QUERIES, logs.QueryDefinition>;
  public readonly metricFilter: logs.MetricFilter;
  public readonly alarm: cloudwatch.Alarm;
  public readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: FlowLogInsightsProps) {
    super(scope, id);
    const query = (key: keyof typeof FLOW_LOG_INSIGHTS_QUERIES) =>
      new logs.QueryDefinition(this, `Query-${key}`, {
        queryDefinitionName: `${props.queryFolder}/${FLOW_LOG_INSIGHTS_QUERIES[key].name}`,
        queryString: new logs.QueryString(FLOW_LOG_INSIGHTS_QUERIES[key].query),
        logGroups: [props.logGroup],
      });
    this.queries = { rejected: query('rejected'), withAction: query('withAction'), dns: query('dns'), topTalkers: query('topTalkers') };

    // Created here, not with logGroup.addMetricFilter(), which would put it under the network part.
    this.metricFilter = new logs.MetricFilter(this, 'RejectedFlows', {
      logGroup: props.logGroup,
      filterName: props.metricName,
      filterPattern: logs.FilterPattern.spaceDelimited(...DEFAULT_FLOW_LOG_FIELDS).whereString('action', '=', 'REJECT'),
      metricNamespace: props.metricNamespace,
      metricName: props.metricName,
      metricValue: '1',
    });

    this.topic = new sns.Topic(this, 'Topic', { topicName: props.topicName, enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key aws/sns, and a customer managed key would outlive destroy by its 7-30 day deletion window; the topic carries only alarm state changes (alarm name, metric, threshold), no log content.',
    });
    if (props.alarmEmail) {
      const subscription = this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
      if (props.alarmEmailCondition) (subscription.node.defaultChild as sns.CfnSubscription).cfnOptions.condition = props.alarmEmailCondition;
    }

    this.alarm = new cloudwatch.Alarm(this, 'RejectedFlowsSpike', {
      alarmName: props.alarmName,
      alarmDescription: `${props.threshold} or more REJECT records in the VPC flow logs within 5 minutes`,
      metric: this.metricFilter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
      threshold: props.threshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // No REJECT record in a period publishes no data point: that is the quiet state.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alarm.addAlarmAction(new actions.SnsAction(this.topic));
  }
}
