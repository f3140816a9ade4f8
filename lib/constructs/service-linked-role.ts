import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/** iam:CreateServiceLinkedRole for one AWS service only. */
export function serviceLinkedRole(service: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['iam:CreateServiceLinkedRole'],
    resources: [`arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/${service}/*`],
    conditions: { StringEquals: { 'iam:AWSServiceName': service } },
  });
}
