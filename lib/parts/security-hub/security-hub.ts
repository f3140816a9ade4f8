import { Construct } from 'constructs';
import { configRecorderName, recordingFrequency } from '../../config/security-hub';
import { WorkshopConfig } from '../../config/workshop-config';
import { ConfigRecorder } from './config-recorder';
import { DetectiveGraph } from './detective-graph';
import { FindingsInsight } from './findings-insight';
import { Hub } from './hub';
import { IsolateAction } from './isolate-action';
import { LogSettings, WorkshopKey } from '../../constructs/workshop-key';

export interface SecurityHubProps {
  readonly config: WorkshopConfig;
  /** The workshop key: log groups and the Config bucket. */
  readonly key: WorkshopKey;
}

/**
 * Day 2, respond (account level): Security Hub with its standards and the workshop's insight,
 * AWS Config for its controls, the custom action "Isolate instance", and Detective when asked.
 * The isolation part (lib/parts/isolation/) acts on `customActionArn`.
 */
export class SecurityHub extends Construct {
  public readonly hub: Hub;
  public readonly insight: FindingsInsight;
  public readonly recorder: ConfigRecorder;
  public readonly isolateAction: IsolateAction;
  /** The custom action "Isolate instance" (arn:...:action/custom/IsolateInstance). */
  public readonly customActionArn: string;
  public readonly detective?: DetectiveGraph;

  constructor(scope: Construct, id: string, props: SecurityHubProps) {
    super(scope, id);
    const { config } = props;
    const logs: LogSettings = { retentionDays: config.logRetentionDays, key: props.key };
    this.hub = new Hub(this, 'Hub', { logs });
    this.insight = new FindingsInsight(this, 'Insight', { hub: this.hub.resource.resource });
    this.recorder = new ConfigRecorder(this, 'Config', {
      recorderName: configRecorderName(config),
      recordingFrequency: recordingFrequency(config),
      logs,
    });
    this.isolateAction = new IsolateAction(this, 'IsolateAction', { hub: this.hub.resource.resource, logs });
    this.customActionArn = this.isolateAction.customActionArn;
    if (config.detective) this.detective = new DetectiveGraph(this, 'Detective', { logs });
  }
}
