import { Aws, CfnCondition, CfnOutput, CfnParameter, Fn, Stack, StackProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CONDITION_NAMES, PARAMETER_NAMES, participantParameters } from './config/parameters';
import {
  participantNames,
  ParticipantNames,
  PARTICIPANT_TAG_KEY,
  WORKSHOP_TAG_KEY,
  WORKSHOP_TAG_VALUE,
  WorkshopConfig,
  workshopNames,
} from './config/workshop-config';
import { Compute } from './parts/compute/compute';
import { Detection } from './parts/detection/detection';
import { Identity } from './parts/identity/identity';
import { Investigation } from './parts/investigation/investigation';
import { Network } from './parts/network/network';
import { hasPart, WorkshopPart } from './config/settings/parts';
import { Isolation } from './parts/isolation/isolation';
import { SecurityHub } from './parts/security-hub/security-hub';
import { BlockedHosts } from './parts/web-tier/blocked-hosts';
import { AutoBlock } from './parts/auto-block/auto-block';
import { WebTier } from './parts/web-tier/web-tier';
import { WAZUH_EXTERNAL_ID_OUTPUT, WAZUH_ROLE_OUTPUT } from './wazuh/from-template';
import { KEY_PENDING_WINDOW_DAYS } from './config/control-tower';
import { WorkshopKey } from './constructs/workshop-key';
import { wazuhVpcFlowWodle } from './wazuh/wodle';

type Out = (id: string, value: string, description?: string) => CfnOutput;

export interface WorkshopStackProps extends StackProps {
  readonly config: WorkshopConfig;
}

/** The per-participant values as the template sees them: the parameters and their conditions. */
export interface ParticipantParameters {
  readonly parameters: Record<keyof typeof PARAMETER_NAMES, CfnParameter>;
  /** {Ref: ParticipantName}: every name derived from the participant uses it. */
  readonly participantName: string;
  readonly hasAlarmEmail: CfnCondition;
  readonly trustsAnotherAccount: CfnCondition;
  /** Fn::If(TrustsAnotherAccount, TrustedAccountId, AWS::AccountId). */
  readonly trustedAccountId: string;
}

/**
 * One participant's whole environment in one stack: plain `cdk deploy` and `cdk destroy`, one
 * template for a StackSet or a workshop platform. The workshop's parts are constructs that meet
 * only here, through props; inside the stack CloudFormation creates everything that does not wait
 * on something else side by side (the critical path: the instance profile then the webserver, a
 * NAT gateway then the private route and the private instances).
 */
export class WorkshopStack extends Stack {
  public readonly config: WorkshopConfig;
  /** The parts the `parts` setting lists (default all); a part left out is undefined. */
  public readonly identity?: Identity;
  public readonly network?: Network;
  public readonly detection?: Detection;
  public readonly compute?: Compute;
  public readonly investigation?: Investigation;
  public readonly participant: ParticipantParameters;
  /** The workshop's KMS key (log groups, trail, buckets, Athena results); undefined when no part keeps logs. */
  public readonly key?: WorkshopKey;
  /** Day 2 (config.day2): Security Hub, AWS Config, the custom action "Isolate instance", Detective. */
  public readonly securityHub?: SecurityHub;
  /** Day 2 (config.day2): the WAF IP set that the web ACL blocks and the auto-block handler fills. */
  public readonly blockedHosts?: BlockedHosts;
  /** Day 2 (config.day2): load balancer, Auto Scaling group, web ACL (and HTTPS with a domain). */
  public readonly webTier?: WebTier;
  /** Day 2 (config.day2): GuardDuty findings block their remote addresses. */
  public readonly autoBlock?: AutoBlock;
  /** Day 2 (config.day2): the custom action's isolate function and rule, and the cleanup of what isolation made. */
  public readonly isolation?: Isolation;

  constructor(scope: Construct, id: string, props: WorkshopStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;
    this.participant = this.addParticipantParameters();
    const { participant } = this;
    // validateConfig refused a list without what a part needs (settings/parts.ts PART_NEEDS), so the `!`s hold.
    const has = (part: WorkshopPart) => hasPart(config, part);
    // Every part but identity keeps logs or data: one key for all of them.
    if (config.day2 || config.parts.some((p) => p !== 'identity')) this.key = new WorkshopKey(this, 'Key', { pendingWindowDays: KEY_PENDING_WINDOW_DAYS });
    const key = this.key!;
    if (has('identity')) {
      this.identity = new Identity(this, 'Identity', { config, participantName: participant.participantName, trustedAccountId: participant.trustedAccountId });
    }
    if (has('network')) this.network = new Network(this, 'Network', { config, key });
    if (has('detection')) this.detection = new Detection(this, 'Detection', { config, key });
    if (has('compute')) {
      const vpc = this.network!.workshopVpc;
      this.compute = new Compute(this, 'Compute', {
        config,
        key,
        instanceProfileName: this.identity!.instanceProfileName,
        // The workshop launches both private instances in Private-Subnet-a.
        privateSubnetId: vpc.privateSubnets[0].ref,
        privateSubnetRoute: vpc.privateDefaultRoutes[0],
        vpcDefaultSecurityGroupId: vpc.defaultSecurityGroupId,
      });
    }
    if (has('investigation')) {
      this.investigation = new Investigation(this, 'Investigation', {
        config,
        key,
        flowLogGroup: this.network!.flowLogs.logGroup,
        flowLogBucket: this.network!.flowLogs.bucket,
        alarmEmail: { address: participant.parameters.alarmEmail.valueAsString, condition: participant.hasAlarmEmail },
      });
    }
    // A parameter or condition only a left-out part used would be unused (CloudFormation warns).
    const unused = [...(this.investigation ? [] : ['alarmEmail', CONDITION_NAMES.hasAlarmEmail]), ...(this.identity ? [] : ['trustedAccountId', CONDITION_NAMES.trustsAnotherAccount])];
    for (const id of unused) this.node.tryRemoveChild(id in participant.parameters ? participant.parameters[id as keyof typeof PARAMETER_NAMES].node.id : id);
    if (config.day2) {
      this.securityHub = new SecurityHub(this, 'SecurityHub', { config, key });
      this.blockedHosts = new BlockedHosts(this, 'BlockedHosts', { config });
      // validateConfig refused day2=true without identity and network (settings/parts.ts DAY2_NEEDS).
      const vpc = this.network!.workshopVpc;
      this.webTier = new WebTier(this, 'WebTier', {
        config,
        vpcId: vpc.vpcId,
        publicSubnetIds: vpc.publicSubnets.map((s) => s.ref),
        privateSubnetIds: vpc.privateSubnets.map((s) => s.ref),
        internetRoute: vpc.publicDefaultRoute,
        privateSubnetRoutes: vpc.privateDefaultRoutes,
        instanceProfileName: this.identity!.instanceProfileName,
        blockedHosts: this.blockedHosts,
        key,
      });
      const { name, id, arn } = this.blockedHosts;
      this.autoBlock = new AutoBlock(this, 'AutoBlock', {
        config,
        vpcId: vpc.vpcId,
        publicSubnetIds: vpc.publicSubnets.map((s) => s.ref),
        blockedHosts: { name, id, arn },
        logs: { retentionDays: config.logRetentionDays, key },
        ownPublicIps: vpc.natPublicIps,
        alarmTopicArn: this.investigation?.insights.topic.topicArn,
      });
      this.isolation = new Isolation(this, 'Isolation', { config, key, customActionArn: this.securityHub.customActionArn });
      // Deleted before the VPCs and instances: it releases isolated instances and deletes the isolation groups first.
      for (const part of [this.network, this.compute, this.webTier]) if (part) this.isolation.cleanup.resource.node.addDependency(part);
    }

    // The workshop tag is literal: on the stack (CloudFormation propagates it) and on every
    // taggable resource. The participant tag comes from the ParticipantName parameter, so it can
    // only be a resource tag: stack-level tags are handed to CloudFormation beside the template
    // (cdk deploy --tags, a StackSet's one set of tags) and cannot take a parameter.
    Tags.of(this).add(WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE);
    Tags.of(this).add(PARTICIPANT_TAG_KEY, participant.participantName, { excludeResourceTypes: ['aws:cdk:stack'] });
    this.addOutputs();
  }

  /**
   * ParticipantName, AlarmEmail, TrustedAccountId: defaulted from the settings (a plain
   * `cdk deploy` deploys the configured names), validated like them (lib/config/parameters.ts).
   */
  private addParticipantParameters(): ParticipantParameters {
    const specs = participantParameters(this.config);
    const parameter = (setting: keyof typeof PARAMETER_NAMES): CfnParameter => {
      const spec = specs.find((p) => p.setting === setting)!;
      return new CfnParameter(this, spec.name, {
        type: 'String',
        default: spec.default,
        allowedPattern: spec.allowedPattern,
        maxLength: spec.maxLength,
        description: spec.description,
        constraintDescription: spec.constraintDescription,
      });
    };
    const parameters = {
      participantName: parameter('participantName'),
      alarmEmail: parameter('alarmEmail'),
      trustedAccountId: parameter('trustedAccountId'),
    };
    const notEmpty = (p: CfnParameter) => Fn.conditionNot(Fn.conditionEquals(p.valueAsString, ''));
    const hasAlarmEmail = new CfnCondition(this, CONDITION_NAMES.hasAlarmEmail, { expression: notEmpty(parameters.alarmEmail) });
    const trustsAnotherAccount = new CfnCondition(this, CONDITION_NAMES.trustsAnotherAccount, { expression: notEmpty(parameters.trustedAccountId) });
    return {
      parameters,
      participantName: parameters.participantName.valueAsString,
      hasAlarmEmail,
      trustsAnotherAccount,
      trustedAccountId: Fn.conditionIf(trustsAnotherAccount.logicalId, parameters.trustedAccountId.valueAsString, Aws.ACCOUNT_ID).toString(),
    };
  }

  /** What participants and organisers need, by part. */
  private addOutputs(): void {
    const names = workshopNames(this.config);
    const participant = participantNames(this.participant.participantName);
    const out: Out = (id, value, description) => new CfnOutput(this, id, { value, description });
    if (this.identity) this.addIdentityOutputs(this.identity, participant, out);
    if (this.network) {
      const { workshopVpc, flowLogs } = this.network;
      out('VpcId', workshopVpc.vpcId, `The workshop VPC (${names.vpc})`);
      out('FlowLogGroupName', flowLogs.logGroup.logGroupName, 'CloudWatch Logs group of the VPC flow logs');
      out('FlowLogBucketName', flowLogs.bucket.bucketName, 'S3 bucket of the VPC flow logs');
    }
    if (this.detection) {
      const { guardDuty, inspector } = this.detection;
      out('GuardDutyDetectorId', guardDuty.detectorId, 'GuardDuty detector of the region');
      out('GuardDutyDetectorAdopted', guardDuty.adopted, "'true': it existed before and survives destroy (disabled again if the app enabled it)");
      out('InspectorEc2EnabledByStack', inspector.enabledByStack, "'true': destroy disables EC2 scanning again");
    }
    if (this.compute) {
      const { defaultVpc, webserver, privateInstances } = this.compute;
      out('WebserverUrl', webserver.url, `Web page of ${names.webserver}`);
      out('DefaultVpcId', defaultVpc.vpcId, `The default VPC, tagged ${names.defaultVpc}`);
      out('WebserverSession', webserver.server.startSessionCommand, `Session Manager shell on ${names.webserver}`);
      out('UbuntuSession', privateInstances.ubuntu.startSessionCommand, `Session Manager shell on ${names.ubuntuInstance}`);
      out('WindowsSession', privateInstances.windows.startSessionCommand, `Session Manager shell on ${names.windowsInstance}`);
    }
    if (this.investigation) this.addInvestigationOutputs(this.investigation, this.network!, out);
    if (this.securityHub) {
      const { hub, recorder, detective } = this.securityHub;
      out('SecurityHubArn', hub.hubArn, 'Security Hub of the region');
      out('SecurityHubAdopted', hub.adopted, "'true': it existed before and survives destroy as found");
      out('SecurityHubCustomActionArn', this.securityHub.customActionArn, 'Security Hub custom action "Isolate instance"');
      out('ConfigRecorderName', recorder.recorderName, 'AWS Config recorder of the region');
      out('ConfigRecorderAdopted', recorder.adopted, "'true': it existed before and survives destroy");
      out('ConfigBucketName', recorder.storage.bucket.bucketName, 'S3 bucket of the AWS Config delivery channel');
      if (this.isolation) out('IsolateFunctionName', this.isolation.functionName, 'Function of the custom action "Isolate instance" (npm run demo -- isolate|release <instance id>)');
      if (detective) {
        out('DetectiveGraphArn', detective.graphArn, 'Amazon Detective behavior graph');
        out('DetectiveGraphAdopted', detective.adopted, "'true': it existed before and survives destroy");
      }
    }
    if (this.webTier) {
      const { loadBalancer, webAcl } = this.webTier;
      out('WebTierUrl', this.webTier.url, 'The day-2 web tier through its load balancer (reload: the instance and zone change)');
      out('LoadBalancerDnsName', loadBalancer.dnsName, 'DNS name of the web tier load balancer');
      out('WebAclArn', webAcl.webAclArn, 'WAF web ACL on the load balancer');
      out('WafLogGroupName', webAcl.logGroup.logGroupName, 'CloudWatch Logs group of the WAF logs');
      out('LoadBalancerLogBucketName', loadBalancer.accessLogs.bucket.bucketName, 'S3 bucket of the load balancer access logs');
    }
    if (this.autoBlock) {
      out('AutoBlockFunctionName', this.autoBlock.functionName, 'Function that blocks the remote addresses of GuardDuty findings (npm run demo -- block|unblock <ipv4>)');
      out('AutoBlockNetworkAclId', this.autoBlock.networkAclId, 'Network ACL of the public subnets with the DENY entries of blocked hosts');
    }
  }

  private addIdentityOutputs(identity: Identity, participant: ParticipantNames, out: Out): void {
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

  private addInvestigationOutputs(investigation: Investigation, network: Network, out: Out): void {
    const names = workshopNames(this.config);
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
    const externalId = wazuhReader.role ? this.config.wazuhExternalId : undefined;
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
}
