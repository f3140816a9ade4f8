import { Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { InlineCustomResource } from '../../constructs/inline-custom-resource';
import { LogSettings } from '../../constructs/workshop-key';
import { AMI_PARAMETERS } from '../../config/amis';

export type ImageKey = keyof typeof AMI_PARAMETERS;

export interface PinnedImagesProps {
  /** The imageSet setting: the ids are read once per value and kept. */
  readonly imageSet: string;
  /** The handler's log group: retention and the workshop key. */
  readonly logs: LogSettings;
}

/**
 * The AMI ids of the workshop's instances, read from AWS's public SSM parameters (AMI_PARAMETERS)
 * by a custom resource (lib/handlers/pinned-images.ts) once per image set and kept: a redeploy
 * after AWS publishes a newer image replaces no instance mid-workshop. Changing the imageSet
 * setting reads them again (and so replaces the instances whose image changed).
 */
export class PinnedImages extends Construct {
  public readonly resource: InlineCustomResource<'pinned-images'>;
  /** AMI id by AMI_PARAMETERS key (a GetAtt of the custom resource). */
  public readonly imageIds: Record<ImageKey, string>;

  constructor(scope: Construct, id: string, props: PinnedImagesProps) {
    super(scope, id);
    const parameterArn = (name: string) => `arn:${Aws.PARTITION}:ssm:${Aws.REGION}::parameter${name}`;
    this.resource = new InlineCustomResource(this, 'Resource', {
      handler: 'pinned-images',
      properties: { ImageSet: props.imageSet, Parameters: { ...AMI_PARAMETERS } },
      logs: props.logs,
      statements: [new iam.PolicyStatement({ actions: ['ssm:GetParameters'], resources: Object.values(AMI_PARAMETERS).map(parameterArn) })],
    });
    const keys = Object.keys(AMI_PARAMETERS) as ImageKey[];
    this.imageIds = Object.fromEntries(keys.map((k) => [k, this.resource.getAtt(k)])) as Record<ImageKey, string>;
  }

  /** The image of one key, for WorkshopInstance. */
  public machineImage(key: ImageKey, os: ec2.OperatingSystemType): ec2.IMachineImage {
    const imageId = this.imageIds[key];
    return {
      getImage: () => ({
        imageId,
        osType: os,
        userData: os === ec2.OperatingSystemType.WINDOWS ? ec2.UserData.forWindows() : ec2.UserData.forLinux(),
      }),
    };
  }
}
