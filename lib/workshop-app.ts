import { App, Stack, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { WorkshopConfig } from './config/workshop-config';
import { ComputeStack } from './stacks/compute-stack';
import { DetectionStack } from './stacks/detection-stack';
import { IdentityStack } from './stacks/identity-stack';
import { InvestigationStack } from './stacks/investigation-stack';
import { NetworkStack } from './stacks/network-stack';

/** Tag on every resource the app creates; `npm run leftovers` looks for it. */
export const WORKSHOP_TAG_KEY = 'workshop';
export const WORKSHOP_TAG_VALUE = 'aws-security-logging-monitoring-ir';
export const PARTICIPANT_TAG_KEY = 'workshop-participant';

export interface WorkshopStacks {
  readonly identity: IdentityStack;
  readonly network: NetworkStack;
  readonly compute: ComputeStack;
  readonly detection: DetectionStack;
  readonly investigation: InvestigationStack;
  readonly all: Stack[];
}

/**
 * The whole workshop in five thin stacks. Identity, network and detection have no references
 * between them, so `cdk deploy --all --concurrency 3` builds them side by side; compute waits for
 * the instance profile (identity) and the private subnet's NAT route (network); investigation
 * reads the flow-log group and bucket (network).
 */
export function buildWorkshopApp(app: App, config: WorkshopConfig): WorkshopStacks {
  // Account: whatever the CLI's credentials say at deploy time; templates are account-agnostic.
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.region };
  const name = (part: string) => `${config.stackPrefix}-${part}`;
  const description = (what: string) => `AWS Security logging, monitoring and incident response workshop: ${what}`;

  const identity = new IdentityStack(app, name('Identity'), { env, config, description: description('IAM group, user and roles') });
  const network = new NetworkStack(app, name('Network'), { env, config, description: description('VPC-10-0-0-0 and its flow logs') });
  const detection = new DetectionStack(app, name('Detection'), { env, config, description: description('GuardDuty and Inspector') });
  const compute = new ComputeStack(app, name('Compute'), {
    env,
    config,
    description: description('instances'),
    // The workshop launches both private instances in Private-Subnet-a.
    privateSubnetId: network.workshopVpc.privateSubnets[0].ref,
    vpcDefaultSecurityGroupId: network.workshopVpc.defaultSecurityGroupId,
    instanceProfileName: identity.ssmInstanceRole.instanceProfile.ref,
  });

  // Reads the flow-log group and bucket of the network stack; nothing points back.
  const investigation = new InvestigationStack(app, name('Investigation'), {
    env,
    config,
    description: description('flow-log queries and alarm, Athena, CloudTrail, Wazuh hand-off'),
    flowLogGroup: network.flowLogs.logGroup,
    flowLogBucket: network.flowLogs.bucket,
    flowLogBucketName: network.flowLogs.bucketName,
  });

  const all = [identity, network, detection, compute, investigation];
  for (const stack of all) {
    Tags.of(stack).add(WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE);
    Tags.of(stack).add(PARTICIPANT_TAG_KEY, config.participantName);
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { identity, network, compute, detection, investigation, all };
}
