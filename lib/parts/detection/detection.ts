import { Construct } from 'constructs';
import { WorkshopConfig } from '../../config/workshop-config';
import { GuardDutyDetector } from './guardduty-detector';
import { InspectorScanning } from './inspector-scanning';

export interface DetectionProps {
  readonly config: WorkshopConfig;
}

/** Workshop part 2: GuardDuty and Amazon Inspector. Waits for no other part. */
export class Detection extends Construct {
  public readonly guardDuty: GuardDutyDetector;
  public readonly inspector: InspectorScanning;

  constructor(scope: Construct, id: string, props: DetectionProps) {
    super(scope, id);
    this.guardDuty = new GuardDutyDetector(this, 'GuardDuty', {
      sampleFindings: props.config.sampleFindings,
      logRetentionDays: props.config.logRetentionDays,
    });
    this.inspector = new InspectorScanning(this, 'Inspector', { logRetentionDays: props.config.logRetentionDays });
  }
}
