/**
 * SDK clients for one account and region, for every operator command (verify, leftovers,
 * preflight, destroy, local): each service's client is created on first use with the settings of
 * sdkConfig (AWS_ENDPOINT_URL = the emulator, path-style S3, retries), and `destroy()` closes
 * the ones that were made. Credentials: `credentials` when given (e.g. from assuming a role in a
 * participant's account), else an `env`'s keys, else the SDK's default chain.
 *
 *   const c = awsClients(config.region, { env: emulator.env });
 *   try { await c.ec2.send(...) } finally { c.destroy() }
 */
import { ACMClient } from '@aws-sdk/client-acm';
import { AthenaClient } from '@aws-sdk/client-athena';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DetectiveClient } from '@aws-sdk/client-detective';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GlueClient } from '@aws-sdk/client-glue';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { Route53Client } from '@aws-sdk/client-route-53';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { S3Client } from '@aws-sdk/client-s3';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { WAFV2Client } from '@aws-sdk/client-wafv2';
import type { Env } from '../../lib/aws/clients';
import { sdkConfig, SdkConfig } from './context';

export type Credentials = NonNullable<SdkConfig['credentials']>;

export interface ConnectionOptions {
  /** Environment to read AWS_ENDPOINT_URL / credentials from; default process.env (e.g. an Emulator's env). */
  readonly env?: Env;
  /** Override of the endpoint (default: env.AWS_ENDPOINT_URL). */
  readonly endpoint?: string;
  /** Reading a local emulator (shown in verify's summary); default: true when an endpoint is set. */
  readonly emulator?: boolean;
  /** Explicit credentials (another account's, from an assumed role); win over `env`'s keys. */
  readonly credentials?: Credentials;
}

const SERVICES = {
  acm: ACMClient,
  athena: AthenaClient,
  autoscaling: AutoScalingClient,
  cfn: CloudFormationClient,
  cloudtrail: CloudTrailClient,
  cloudwatch: CloudWatchClient,
  configService: ConfigServiceClient,
  detective: DetectiveClient,
  ec2: EC2Client,
  elbv2: ElasticLoadBalancingV2Client,
  events: EventBridgeClient,
  glue: GlueClient,
  guardduty: GuardDutyClient,
  iam: IAMClient,
  inspector2: Inspector2Client,
  kms: KMSClient,
  lambda: LambdaClient,
  logs: CloudWatchLogsClient,
  quotas: ServiceQuotasClient,
  route53: Route53Client,
  s3: S3Client,
  secrets: SecretsManagerClient,
  securityhub: SecurityHubClient,
  sns: SNSClient,
  ssm: SSMClient,
  sts: STSClient,
  tagging: ResourceGroupsTaggingAPIClient,
  wafv2: WAFV2Client,
};

type Services = typeof SERVICES;
export type ServiceName = keyof Services;

export type AwsClients = { readonly [K in ServiceName]: InstanceType<Services[K]> } & {
  readonly region: string;
  /** The endpoint the clients talk to (undefined: AWS). */
  readonly endpoint?: string;
  readonly emulator: boolean;
  /** Closes every client that was created. */
  destroy(): void;
};

export function awsClients(region: string, opts: ConnectionOptions = {}): AwsClients {
  const settings = (s3: boolean): SdkConfig => {
    const config = sdkConfig(region, { env: opts.env, endpoint: opts.endpoint, s3 });
    return opts.credentials ? { ...config, credentials: opts.credentials } : config;
  };
  const base = settings(false);
  const made = new Map<ServiceName, { destroy(): void }>();
  const target = {
    region,
    endpoint: base.endpoint,
    emulator: opts.emulator ?? Boolean(base.endpoint),
    destroy: () => {
      for (const client of made.values()) client.destroy();
      made.clear();
    },
  };
  for (const name of Object.keys(SERVICES) as ServiceName[]) {
    Object.defineProperty(target, name, {
      enumerable: true,
      get: () => {
        let client = made.get(name);
        if (!client) {
          const Client = SERVICES[name] as new (config: SdkConfig) => { destroy(): void };
          client = new Client(name === 's3' ? settings(true) : base);
          made.set(name, client);
        }
        return client;
      },
    });
  }
  return target as AwsClients;
}

/** The caller's account and partition (aws, aws-cn, aws-us-gov), from STS. */
export async function callerTarget(c: Pick<AwsClients, 'sts'>): Promise<{ account: string; partition: string }> {
  const id = await c.sts.send(new GetCallerIdentityCommand({}));
  return { account: id.Account ?? '', partition: id.Arn?.split(':')[1] || 'aws' };
}
