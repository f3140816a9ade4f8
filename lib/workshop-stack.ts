import { Aws, CfnCondition, CfnParameter, Fn, Stack, StackProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CONDITION_NAMES, PARAMETER_NAMES, participantParameters } from './config/parameters';
import { PARTICIPANT_TAG_KEY, WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE, WorkshopConfig } from './config/workshop-config';
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
import { KEY_PENDING_WINDOW_DAYS } from './config/control-tower';
import { WorkshopKey } from './constructs/workshop-key';
import { addWorkshopOutputs } from './workshop-outputs';

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
      this.autoBlock = new AutoBlock(this, 'AutoBlock', {
        config,
        vpcId: vpc.vpcId,
        publicSubnetIds: vpc.publicSubnets.map((s) => s.ref),
        blockedHosts: this.blockedHosts,
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
    addWorkshopOutputs(this);
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
}
