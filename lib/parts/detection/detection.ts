import { Construct } from 'constructs';
import { WorkshopConfig } from '../../config/workshop-config';
import { GuardDutyDetector } from './guardduty-detector';
import { InspectorScanning } from './inspector-scanning';
import { LogSettings, WorkshopKey } from '../../constructs/workshop-key';

export interface DetectionProps {
  readonly config: WorkshopConfig;
  /** The workshop key: the handlers' log groups. */
  readonly key: WorkshopKey;
}

/** Workshop part 2: GuardDuty and Amazon Inspector. Waits for no other part. */
export class Detection extends Construct {
  public readonly guardDuty: GuardDutyDetector;
  public readonly inspector: InspectorScanning;

  constructor(scope: Construct, id: string, props: DetectionProps) {
    super(scope, id);
    const logs: LogSettings = { retentionDays: props.config.logRetentionDays, key: props.key };
    this.guardDuty = new GuardDutyDetector(this, 'GuardDuty', { sampleFindings: props.config.sampleFindings, logs });
    this.inspector = new InspectorScanning(this, 'Inspector', { logs });
  }
}
