import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { InlineCustomResource } from '../../constructs/inline-custom-resource';
import { serviceLinkedRole } from '../../constructs/service-linked-role';
import { LogSettings } from '../../constructs/workshop-key';

export interface GuardDutyDetectorProps {
  /** Generate GuardDuty's sample findings once the detector exists (workshop part 2). */
  readonly sampleFindings: boolean;
  readonly logs: LogSettings;
}

/**
 * GuardDuty on (workshop part 2, "Enable GuardDuty"). Only one detector may exist per account and
 * region, and a plain AWS::GuardDuty::Detector fails where one exists; so a custom resource adopts
 * an existing detector (enabling a disabled one) or creates one, and on destroy undoes only what it
 * did (deletes the detector it created, disables the one it enabled), except under an
 * organization's administrator account, which a member cannot override.
 */
export class GuardDutyDetector extends Construct {
  public readonly detectorId: string;
  /** 'true' when the detector existed before the stack. */
  public readonly adopted: string;

  constructor(scope: Construct, id: string, props: GuardDutyDetectorProps) {
    super(scope, id);
    const detectorArns = `arn:${Aws.PARTITION}:guardduty:${Aws.REGION}:${Aws.ACCOUNT_ID}:detector/*`;
    const detector = new InlineCustomResource(this, 'AdoptOrCreate', {
      handler: 'guardduty-detector',
      properties: { FindingPublishingFrequency: 'FIFTEEN_MINUTES' },
      logs: props.logs,
      statements: [
        new iam.PolicyStatement({ actions: ['guardduty:ListDetectors', 'guardduty:CreateDetector'], resources: ['*'] }),
        new iam.PolicyStatement({
          actions: ['guardduty:GetDetector', 'guardduty:UpdateDetector', 'guardduty:GetAdministratorAccount', 'guardduty:DeleteDetector'],
          resources: [detectorArns],
        }),
        // GuardDuty creates its service-linked role on first CreateDetector.
        serviceLinkedRole('guardduty.amazonaws.com'),
      ],
      wildcardReasons: {
        'Resource::*': 'guardduty:ListDetectors and guardduty:CreateDetector support no resource-level permissions.',
        'Resource::arn:<AWS::Partition>:guardduty:<AWS::Region>:<AWS::AccountId>:detector/*':
          'The detector id is only known at deploy time (adopted or created); limited to this account and region.',
        'Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/aws-service-role/guardduty.amazonaws.com/*':
          "GuardDuty's own service-linked role path; the condition limits it to that service.",
      },
    });
    this.detectorId = detector.getAtt('DetectorId');
    this.adopted = detector.getAtt('Adopted');

    if (props.sampleFindings) {
      new InlineCustomResource(this, 'SampleFindings', {
        handler: 'guardduty-sample-findings',
        properties: { DetectorId: this.detectorId },
        logs: props.logs,
        statements: [new iam.PolicyStatement({ actions: ['guardduty:CreateSampleFindings'], resources: [detectorArns] })],
        wildcardReasons: {
          'Resource::arn:<AWS::Partition>:guardduty:<AWS::Region>:<AWS::AccountId>:detector/*':
            'The detector id is only known at deploy time; limited to this account and region.',
        },
      });
    }
  }
}
