import { Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AMI_PARAMETERS } from '../config/amis';
import { InlineCustomResource } from './inline-custom-resource';
import { LogSettings } from './workshop-key';

export type ImageKey = keyof typeof AMI_PARAMETERS;

export interface PinnedImagesProps {
  /** The imageSet setting: the ids are read once per value and kept. */
  readonly imageSet: string;
  /** The handler's log group: retention and the workshop key. */
  readonly logs: LogSettings;
  /** The images to read (default all of AMI_PARAMETERS): the day-2 web tier needs Amazon Linux only. */
  readonly images?: readonly ImageKey[];
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
  public readonly imageIds: Partial<Record<ImageKey, string>>;

  constructor(scope: Construct, id: string, props: PinnedImagesProps) {
    super(scope, id);
    const parameterArn = (name: string) => `arn:${Aws.PARTITION}:ssm:${Aws.REGION}::parameter${name}`;
    const keys = props.images ?? (Object.keys(AMI_PARAMETERS) as ImageKey[]);
    const parameters = Object.fromEntries(keys.map((k) => [k, AMI_PARAMETERS[k]]));
    this.resource = new InlineCustomResource(this, 'Resource', {
      handler: 'pinned-images',
      properties: { ImageSet: props.imageSet, Parameters: parameters },
      logs: props.logs,
      statements: [new iam.PolicyStatement({ actions: ['ssm:GetParameters'], resources: Object.values(parameters).map(parameterArn) })],
    });
    this.imageIds = Object.fromEntries(keys.map((k) => [k, this.resource.getAtt(k)])) as Record<ImageKey, string>;
  }

  /** The image of one key, for WorkshopInstance. */
  public machineImage(key: ImageKey, os: ec2.OperatingSystemType): ec2.IMachineImage {
    const imageId = this.imageIds[key];
    if (!imageId) throw new Error(`PinnedImages: ${key} is not among the images this resource reads`);
    return {
      getImage: () => ({
        imageId,
        osType: os,
        userData: os === ec2.OperatingSystemType.WINDOWS ? ec2.UserData.forWindows() : ec2.UserData.forLinux(),
      }),
    };
  }
}
