/**
 * SDK clients for verify: the endpoint and credentials the environment says
 * (AWS_ENDPOINT_URL for a local emulator, else real AWS through the default credential chain),
 * in the workshop's region. Settings and credentials as every operator command gets them (sdkConfig).
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { GlueClient } from '@aws-sdk/client-glue';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Env } from '../../lib/aws/clients';
import { sdkConfig } from '../operator/context';

export interface ConnectionOptions {
  /** Environment to read AWS_ENDPOINT_URL / credentials from; default process.env (e.g. an Emulator's env). */
  readonly env?: Env;
  /** Override of the endpoint (default: env.AWS_ENDPOINT_URL). */
  readonly endpoint?: string;
  /** Reading a local emulator (shown in the summary); default: true when an endpoint is set. */
  readonly emulator?: boolean;
}

export function clients(region: string, opts: ConnectionOptions = {}) {
  const base = sdkConfig(region, { env: opts.env, endpoint: opts.endpoint });
  const s3 = sdkConfig(region, { env: opts.env, endpoint: opts.endpoint, s3: true });
  return {
    endpoint: base.endpoint,
    emulator: opts.emulator ?? Boolean(base.endpoint),
    config: base,
    ec2: new EC2Client(base),
    cfn: new CloudFormationClient(base),
    logs: new CloudWatchLogsClient(base),
    iam: new IAMClient(base),
    s3: new S3Client(s3),
    secrets: new SecretsManagerClient(base),
    sts: new STSClient(base),
    // The investigation stack (workshop part 2).
    sns: new SNSClient(base),
    cloudwatch: new CloudWatchClient(base),
    glue: new GlueClient(base),
    athena: new AthenaClient(base),
    cloudtrail: new CloudTrailClient(base),
  };
}

export type Clients = ReturnType<typeof clients>;

export async function callerTarget(c: Clients): Promise<{ account: string; partition: string }> {
  const id = await c.sts.send(new GetCallerIdentityCommand({}));
  return { account: id.Account ?? '', partition: id.Arn?.split(':')[1] || 'aws' };
}

export function destroyClients(c: Clients): void {
  for (const client of [c.ec2, c.cfn, c.logs, c.iam, c.s3, c.secrets, c.sts, c.sns, c.cloudwatch, c.glue, c.athena, c.cloudtrail]) client.destroy();
}
