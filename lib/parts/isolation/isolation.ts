import { Construct } from 'constructs';
import { isolationSettings } from '../../config/isolation';
import { WorkshopConfig } from '../../config/workshop-config';
import { LogSettings, WorkshopKey } from '../../constructs/workshop-key';
import { IsolateFunction } from './isolate-function';
import { IsolationCleanup } from './isolation-cleanup';

export interface IsolationProps {
  readonly config: WorkshopConfig;
  /** The Security Hub custom action "Isolate instance" (stack.securityHub.customActionArn). */
  readonly customActionArn: string;
  /** The workshop key: the functions' log groups. */
  readonly key: WorkshopKey;
}

/**
 * Day 2, respond ("Remediating Amazon GuardDuty and AWS Security Hub Findings"): the custom action
 * "Isolate instance" isolates the instances of the selected findings (isolation security group,
 * forensic snapshots, Auto Scaling detach, a note on the finding), and the cleanup that lets
 * destroy delete what isolation made. `npm run demo -- isolate|release <instance id>`.
 */
export class Isolation extends Construct {
  public readonly isolate: IsolateFunction;
  public readonly cleanup: IsolationCleanup;
  /** The function's name: the demo invokes it (output IsolateFunctionName). */
  public readonly functionName: string;

  constructor(scope: Construct, id: string, props: IsolationProps) {
    super(scope, id);
    const settings = isolationSettings(props.config);
    const logs: LogSettings = { retentionDays: props.config.logRetentionDays, key: props.key };
    this.isolate = new IsolateFunction(this, 'Isolate', { customActionArn: props.customActionArn, settings, logs });
    this.cleanup = new IsolationCleanup(this, 'Cleanup', { settings, logs });
    // The rule goes first on destroy: no isolation starts while the cleanup runs.
    this.isolate.rule.node.addDependency(this.cleanup.resource);
    this.functionName = this.isolate.function.functionName;
  }
}
