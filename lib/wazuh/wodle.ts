/**
 * The <wodle name="aws-s3"> block for Wazuh's ossec.conf that reads the workshop's VPC flow logs
 * from S3 (Wazuh documentation, "Amazon VPC" / bucket type vpcflow). Values may be CDK tokens.
 */
export interface WazuhVpcFlowWodleProps {
  readonly bucketName: string;
  /** Key prefix the flow log writes under (the flow log's S3 folder): vpc */
  readonly path: string;
  readonly region: string;
  /** Role Wazuh assumes to read the bucket, if any. */
  readonly iamRoleArn?: string;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function wazuhVpcFlowWodle(props: WazuhVpcFlowWodleProps): string {
  const lines = [
    '<wodle name="aws-s3">',
    '  <disabled>no</disabled>',
    '  <interval>10m</interval>',
    '  <run_on_start>yes</run_on_start>',
    '  <skip_on_error>yes</skip_on_error>',
    '  <bucket type="vpcflow">',
    `    <name>${escapeXml(props.bucketName)}</name>`,
    `    <path>${escapeXml(props.path)}</path>`,
    `    <regions>${escapeXml(props.region)}</regions>`,
    ...(props.iamRoleArn ? [`    <iam_role_arn>${escapeXml(props.iamRoleArn)}</iam_role_arn>`] : []),
    '  </bucket>',
    '</wodle>',
  ];
  return lines.join('\n');
}
