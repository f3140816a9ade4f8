import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * iam:CreateServiceLinkedRole for one AWS service only; with roleName, for that one role only
 * (a service such as Inspector creates several service-linked roles, each trusted by its own
 * service principal).
 */
export function serviceLinkedRole(service: string, roleName = '*'): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['iam:CreateServiceLinkedRole'],
    resources: [`arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/${service}/${roleName}`],
    conditions: { StringEquals: { 'iam:AWSServiceName': service } },
  });
}
