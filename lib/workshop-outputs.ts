/**
 * The one stack's outputs, by part: what participants and organisers need (sign-in, sessions, URLs,
 * names of what the app adopted or created, the Wazuh block), only for the parts the stack holds.
 */
import { Aws, CfnOutput } from 'aws-cdk-lib';
import { participantNames, ParticipantNames, WorkshopConfig, workshopNames } from './config/workshop-config';
import type { Identity } from './parts/identity/identity';
import type { Investigation } from './parts/investigation/investigation';
import type { Network } from './parts/network/network';
import { WAZUH_EXTERNAL_ID_OUTPUT, WAZUH_ROLE_OUTPUT } from './wazuh/from-template';
import { wazuhVpcFlowWodle } from './wazuh/wodle';
import type { WorkshopStack } from './workshop-stack';

type Out = (id: string, value: string, description?: string) => CfnOutput;

/** What participants and organisers need, by part: the stack's outputs. */
export function addWorkshopOutputs(stack: WorkshopStack): void {
  const names = workshopNames(stack.config);
  const participant = participantNames(stack.participant.participantName);
  const out: Out = (id, value, description) => new CfnOutput(stack, id, { value, description });
  if (stack.identity) addIdentityOutputs(stack.identity, participant, out);
  if (stack.network) {
    const { workshopVpc, flowLogs } = stack.network;
    out('VpcId', workshopVpc.vpcId, `The workshop VPC (${names.vpc})`);
    out('FlowLogGroupName', flowLogs.logGroup.logGroupName, 'CloudWatch Logs group of the VPC flow logs');
    out('FlowLogBucketName', flowLogs.bucket.bucketName, 'S3 bucket of the VPC flow logs');
  }
  if (stack.detection) {
    const { guardDuty, inspector } = stack.detection;
    out('GuardDutyDetectorId', guardDuty.detectorId, 'GuardDuty detector of the region');
    out('GuardDutyDetectorAdopted', guardDuty.adopted, "'true': it existed before and survives destroy (disabled again if the app enabled it)");
    out('InspectorEc2EnabledByStack', inspector.enabledByStack, "'true': destroy disables EC2 scanning again");
  }
  if (stack.compute) {
    const { defaultVpc, webserver, privateInstances } = stack.compute;
    out('WebserverUrl', webserver.url, `Web page of ${names.webserver}`);
    out('DefaultVpcId', defaultVpc.vpcId, `The default VPC, tagged ${names.defaultVpc}`);
    out('WebserverSession', webserver.server.startSessionCommand, `Session Manager shell on ${names.webserver}`);
    out('UbuntuSession', privateInstances.ubuntu.startSessionCommand, `Session Manager shell on ${names.ubuntuInstance}`);
    out('WindowsSession', privateInstances.windows.startSessionCommand, `Session Manager shell on ${names.windowsInstance}`);
  }
  if (stack.investigation) addInvestigationOutputs(stack.config, stack.investigation, stack.network!, out);
  if (stack.securityHub) {
    const { hub, recorder, detective } = stack.securityHub;
    out('SecurityHubArn', hub.hubArn, 'Security Hub of the region');
    out('SecurityHubAdopted', hub.adopted, "'true': it existed before and survives destroy as found");
    out('SecurityHubCustomActionArn', stack.securityHub.customActionArn, 'Security Hub custom action "Isolate instance"');
    out('ConfigRecorderName', recorder.recorderName, 'AWS Config recorder of the region');
    out('ConfigRecorderAdopted', recorder.adopted, "'true': it existed before and survives destroy");
    out('ConfigBucketName', recorder.storage.bucket.bucketName, 'S3 bucket of the AWS Config delivery channel');
    if (stack.isolation) out('IsolateFunctionName', stack.isolation.functionName, 'Function of the custom action "Isolate instance" (npm run demo -- isolate|release <instance id>)');
    if (detective) {
      out('DetectiveGraphArn', detective.graphArn, 'Amazon Detective behavior graph');
      out('DetectiveGraphAdopted', detective.adopted, "'true': it existed before and survives destroy");
    }
  }
  if (stack.webTier) {
    const { loadBalancer, webAcl } = stack.webTier;
    out('WebTierUrl', stack.webTier.url, 'The day-2 web tier through its load balancer (reload: the instance and zone change)');
    out('LoadBalancerDnsName', loadBalancer.dnsName, 'DNS name of the web tier load balancer');
    out('WebAclArn', webAcl.webAclArn, 'WAF web ACL on the load balancer');
    out('WafLogGroupName', webAcl.logGroup.logGroupName, 'CloudWatch Logs group of the WAF logs');
    out('LoadBalancerLogBucketName', loadBalancer.accessLogs.bucket.bucketName, 'S3 bucket of the load balancer access logs');
  }
  if (stack.autoBlock) {
    out('AutoBlockFunctionName', stack.autoBlock.functionName, 'Function that blocks the remote addresses of GuardDuty findings (npm run demo -- block|unblock <ipv4>)');
    out('AutoBlockNetworkAclId', stack.autoBlock.networkAclId, 'Network ACL of the public subnets with the DENY entries of blocked hosts');
  }
}

function addIdentityOutputs(identity: Identity, participant: ParticipantNames, out: Out): void {
  const { readOnly, crossAccount } = identity;
  out('ReadOnlyUserName', readOnly.user.userName, 'The read-only IAM user (<name>-RO) for the console');
  out('ReadOnlyUserSignInUrl', readOnly.signInUrl, 'Console sign-in page of the account');
  out(
    'ReadOnlyUserPassword',
    `aws secretsmanager get-secret-value --secret-id ${participant.readOnlyPasswordSecret} --query SecretString --output text`,
    // A description is literal in CloudFormation: no parameter in it.
    'Where the initial console password of the read-only user (<name>-RO) is (Secrets Manager); it must be changed at first sign-in',
  );
  out('CrossAccountRoleArn', crossAccount.role.roleArn, 'The read-only cross-account role (<name>-CROSS-ACCOUNT-ROLE)');
  out('SwitchRoleUrl', crossAccount.switchRoleUrl, 'Console link to switch to the cross-account role');
  out('SsmInstanceProfileName', identity.instanceProfileName, 'Instance profile that makes the instances reachable with Session Manager');
}

function addInvestigationOutputs(config: WorkshopConfig, investigation: Investigation, network: Network, out: Out): void {
  const names = workshopNames(config);
  const { flowLogs } = network;
  const { insights, workgroup, trail, wazuhReader } = investigation;
  out('AlarmTopicArn', insights.topic.topicArn, 'SNS topic of the alarm on rejected flows');
  out('AthenaWorkGroup', workgroup.workGroupName, 'Athena workgroup of the investigation');
  out('GlueDatabase', workgroup.databaseName, 'Glue database of the flow-log and CloudTrail tables');
  out('AthenaResultsBucket', workgroup.results.bucket.bucketName, 'S3 bucket of the Athena query results');
  out('TrailName', trail.trail.ref, 'CloudTrail trail of the workshop');
  out('TrailBucketName', trail.storage.bucket.bucketName, 'S3 bucket of the CloudTrail logs');
  out('WazuhPolicyArn', wazuhReader.policy.managedPolicyArn, 'Managed policy that lets Wazuh read the flow logs');
  if (wazuhReader.role) out(WAZUH_ROLE_OUTPUT, wazuhReader.role.roleArn, 'Role that Wazuh assumes to read the flow logs');
  const externalId = wazuhReader.role ? config.wazuhExternalId : undefined;
  if (externalId) out(WAZUH_EXTERNAL_ID_OUTPUT, externalId, 'External id the Wazuh role requires (npm run wazuh-config prints the AWS config profile that gives it)');
  out(
    'WazuhOssecConfig',
    wazuhVpcFlowWodle({
      bucketName: flowLogs.bucketName,
      path: names.flowLogS3Folder,
      region: Aws.REGION,
      iamRoleArn: wazuhReader.role?.roleArn,
      awsProfile: externalId ? names.investigation.wazuhReader : undefined,
    }),
    "Paste into Wazuh's ossec.conf (or run npm run wazuh-config) to read the VPC flow logs from S3",
  );
}
