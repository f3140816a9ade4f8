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
  /**
   * AWS config profile that assumes the role, instead of iam_role_arn: when the role requires an
   * external id. Wazuh's <bucket> options have none (its reference lists iam_role_arn, aws_profile …;
   * external_id only for the Security Lake subscriber), so the role is then assumed through a
   * profile (wazuhAwsProfile) that boto3 reads with its role_arn and external_id.
   */
  readonly awsProfile?: string;
}

/**
 * The profile for /root/.aws/config on the Wazuh host (the AWS CLI and boto3 shared config file):
 * assume the reader role with the external id, from the host's default credentials.
 */
export function wazuhAwsProfile(props: { profile: string; roleArn: string; externalId: string }): string {
  return [
    `[profile ${props.profile}]`,
    `role_arn = ${props.roleArn}`,
    `external_id = ${props.externalId}`,
    'source_profile = default',
    '# On an EC2 instance with a role, instead of source_profile: credential_source = Ec2InstanceMetadata',
  ].join('\n');
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
    ...(props.awsProfile ? [`    <aws_profile>${escapeXml(props.awsProfile)}</aws_profile>`] : []),
    ...(props.iamRoleArn && !props.awsProfile ? [`    <iam_role_arn>${escapeXml(props.iamRoleArn)}</iam_role_arn>`] : []),
    '  </bucket>',
    '</wodle>',
  ];
  return lines.join('\n');
}
