import { CfnElement, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * The logical id of a construct's CloudFormation resource, as cdk-nag names it in finding ids
 * such as AwsSolutions-IAM5[Resource::<BucketLogicalId.Arn>/*].
 */
export function logicalIdOf(construct: Construct): string {
  const element = (CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild) as CfnElement | undefined;
  if (!element) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(construct).resolve(element.logicalId) as string;
}
