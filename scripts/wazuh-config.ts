/**
 * npm run wazuh-config [-- --account 123456789012] [--out cdk.out]
 *
 * Prints the <wodle name="aws-s3"> block for Wazuh's ossec.conf that reads the workshop's VPC flow
 * logs from S3. Works without AWS: bucket name and path come from the synthesized templates
 * (cdk.out, synthesized first if absent), the region from the stack's environment, the account
 * from --account, else the synthesized environment, else STS when credentials exist.
 * With the wazuhExternalId setting, the block names an AWS config profile, printed on stderr for
 * /root/.aws/config (Wazuh's <bucket> has no external id option; boto3 profiles have one).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WAZUH_EXTERNAL_ID_OUTPUT, WAZUH_ROLE_OUTPUT } from '../lib/wazuh/from-template';
import { wazuhAwsProfile, wazuhVpcFlowWodle } from '../lib/wazuh/wodle';
import { parseCommandLine, textFlag } from './operator/args';
import { readStackArtifacts, StackArtifact as Artifact } from './operator/assembly';
import { awsClients, callerTarget } from './operator/clients';
import { runCommand } from './operator/command';
import { CfnTemplate, DeployTarget, flowLogS3Destination, s3FlowLogs, synthAssembly, wazuhRoleArn } from './operator/template';

type StackArtifact = Pick<Artifact<CfnTemplate>, 'name' | 'account' | 'region' | 'template'>;

const WAZUH_CONFIG_SPEC = {
  usage: 'Usage: npm run wazuh-config -- [--account <12-digit account id>] [--out <cdk output dir, default cdk.out>]',
  flags: { account: 'text', out: 'text' },
  context: false,
} as const;

/** The stacks of a cloud assembly, with their templates and environments. */
export function readAssembly(outDir: string): StackArtifact[] {
  return readStackArtifacts<CfnTemplate>(outDir);
}

/**
 * The wodle block from a synthesized app: the flow log's stack gives bucket and path, the
 * investigation stack the role; with an external id (setting wazuhExternalId) the block names an AWS
 * config profile, and `profile` is that profile's section for /root/.aws/config on the Wazuh host.
 */
export function wazuhHandOff(stacks: StackArtifact[], account: string): { wodle: string; profile?: string } {
  const network = stacks.filter((s) => s3FlowLogs(s.template).length > 0);
  if (network.length !== 1) throw new Error(`Expected one stack with a flow log to S3, found ${network.length}`);
  const region = network[0].region;
  if (!region) throw new Error(`Stack ${network[0].name} was synthesized without a region; set the region setting (cdk.json context)`);
  const target: DeployTarget = { account, region };
  const { bucketName, path: s3Path } = flowLogS3Destination(network[0].template, target);
  const withRole = stacks.find((s) => s.template.Outputs?.[WAZUH_ROLE_OUTPUT]);
  const iamRoleArn = withRole ? wazuhRoleArn(withRole.template, { account, region: withRole.region ?? region }) : undefined;
  const externalId = withRole?.template.Outputs?.[WAZUH_EXTERNAL_ID_OUTPUT]?.Value;
  if (!iamRoleArn || typeof externalId !== 'string') return { wodle: wazuhVpcFlowWodle({ bucketName, path: s3Path, region: target.region, iamRoleArn }) };
  const awsProfile = iamRoleArn.slice(iamRoleArn.lastIndexOf('/') + 1);
  return {
    wodle: wazuhVpcFlowWodle({ bucketName, path: s3Path, region: target.region, iamRoleArn, awsProfile }),
    profile: wazuhAwsProfile({ profile: awsProfile, roleArn: iamRoleArn, externalId }),
  };
}

/** The wodle block alone (see wazuhHandOff). */
export function wazuhConfigFromAssembly(stacks: StackArtifact[], account: string): string {
  return wazuhHandOff(stacks, account).wodle;
}

async function accountFromSts(): Promise<string> {
  const clients = awsClients(process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1');
  try {
    return (await callerTarget(clients)).account;
  } finally {
    clients.destroy();
  }
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(WAZUH_CONFIG_SPEC);
  const args = { account: textFlag(parsed, 'account'), out: textFlag(parsed, 'out') ?? 'cdk.out' };
  if (!fs.existsSync(path.join(args.out, 'manifest.json'))) {
    console.error(`No synthesized app in ${args.out}: running cdk synth first`);
    await synthAssembly(args.out);
  }
  const stacks = readAssembly(args.out);
  let account = args.account ?? stacks.find((s) => s.account)?.account;
  if (!account) {
    try {
      account = await accountFromSts();
    } catch (e) {
      throw new Error(`No account: pass --account <12-digit account id> (no AWS credentials: ${(e as Error).message})`);
    }
  }
  if (!/^\d{12}$/.test(account)) throw new Error(`--account=${JSON.stringify(account)}: must be a 12-digit AWS account id`);
  const { wodle, profile } = wazuhHandOff(stacks, account);
  console.log(wodle);
  // stdout stays the block to paste into ossec.conf; the profile goes to another file.
  if (profile) console.error(`\nThe role requires an external id (setting wazuhExternalId): the block names an AWS config profile. Add it to /root/.aws/config on the Wazuh host:\n\n${profile}`);
  return 0;
}

if (require.main === module) runCommand(main, { failureCode: 1 });
