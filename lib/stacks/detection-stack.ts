import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WorkshopConfig } from '../config/workshop-config';
import { GuardDutyDetector } from '../constructs/guardduty-detector';
import { InspectorScanning } from '../constructs/inspector-scanning';

export interface DetectionStackProps extends StackProps {
  readonly config: WorkshopConfig;
}

/** Workshop part 2: GuardDuty and Amazon Inspector. */
export class DetectionStack extends Stack {
  constructor(scope: Construct, id: string, props: DetectionStackProps) {
    super(scope, id, props);
    const guardDuty = new GuardDutyDetector(this, 'GuardDuty', {
      sampleFindings: props.config.sampleFindings,
      logRetentionDays: props.config.logRetentionDays,
    });
    const inspector = new InspectorScanning(this, 'Inspector', { logRetentionDays: props.config.logRetentionDays });

    new CfnOutput(this, 'GuardDutyDetectorId', { value: guardDuty.detectorId });
    new CfnOutput(this, 'GuardDutyDetectorAdopted', { value: guardDuty.adopted, description: "'true': it existed before and survives destroy" });
    new CfnOutput(this, 'InspectorEc2EnabledByStack', { value: inspector.enabledByStack, description: "'true': destroy disables EC2 scanning again" });
  }
}
