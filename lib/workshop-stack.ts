import { Aws, CfnOutput, Stack, StackProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
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
import { WAZUH_ROLE_OUTPUT } from './wazuh/from-template';
import { wazuhVpcFlowWodle } from './wazuh/wodle';

export interface WorkshopStackProps extends StackProps {
  readonly config: WorkshopConfig;
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
  public readonly identity: Identity;
  public readonly network: Network;
  public readonly detection: Detection;
  public readonly compute: Compute;
  public readonly investigation: Investigation;

  constructor(scope: Construct, id: string, props: WorkshopStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;
    this.identity = new Identity(this, 'Identity', { config });
    this.network = new Network(this, 'Network', { config });
    this.detection = new Detection(this, 'Detection', { config });
    const vpc = this.network.workshopVpc;
    this.compute = new Compute(this, 'Compute', {
      config,
      instanceProfileName: this.identity.instanceProfileName,
      // The workshop launches both private instances in Private-Subnet-a.
      privateSubnetId: vpc.privateSubnets[0].ref,
      privateSubnetRoute: vpc.privateDefaultRoutes[0],
      vpcDefaultSecurityGroupId: vpc.defaultSecurityGroupId,
    });
    this.investigation = new Investigation(this, 'Investigation', {
      config,
      flowLogGroup: this.network.flowLogs.logGroup,
      flowLogBucket: this.network.flowLogs.bucket,
    });

    Tags.of(this).add(WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE);
    Tags.of(this).add(PARTICIPANT_TAG_KEY, config.participantName);
    this.addOutputs();
  }

  /** What participants and organisers need, by part. */
  private addOutputs(): void {
    const names = workshopNames(this.config);
    const out = (id: string, value: string, description?: string) => new CfnOutput(this, id, { value, description });
    const { readOnly, crossAccount } = this.identity;
    out('ReadOnlyUserName', readOnly.user.userName);
    out('ReadOnlyUserSignInUrl', readOnly.signInUrl, 'Console sign-in page of the account');
    out(
      'ReadOnlyUserPassword',
      `aws secretsmanager get-secret-value --secret-id ${names.readOnlyPasswordSecret} --query SecretString --output text`,
      `Where the initial console password of ${names.readOnlyUser} is (Secrets Manager); it must be changed at first sign-in`,
    );
    out('CrossAccountRoleArn', crossAccount.role.roleArn);
    out('SwitchRoleUrl', crossAccount.switchRoleUrl, 'Console link to switch to the cross-account role');
    out('SsmInstanceProfileName', this.identity.instanceProfileName);

    const { workshopVpc, flowLogs } = this.network;
    out('VpcId', workshopVpc.vpcId);
    out('FlowLogGroupName', flowLogs.logGroup.logGroupName);
    out('FlowLogBucketName', flowLogs.bucket.bucketName);

    const { guardDuty, inspector } = this.detection;
    out('GuardDutyDetectorId', guardDuty.detectorId);
    out('GuardDutyDetectorAdopted', guardDuty.adopted, "'true': it existed before and survives destroy");
    out('InspectorEc2EnabledByStack', inspector.enabledByStack, "'true': destroy disables EC2 scanning again");

    const { defaultVpc, webserver, privateInstances } = this.compute;
    out('WebserverUrl', webserver.url);
    out('DefaultVpcId', defaultVpc.vpcId);
    out('WebserverSession', webserver.server.startSessionCommand, names.webserver);
    out('UbuntuSession', privateInstances.ubuntu.startSessionCommand, names.ubuntuInstance);
    out('WindowsSession', privateInstances.windows.startSessionCommand, names.windowsInstance);

    const { insights, workgroup, trail, wazuhReader } = this.investigation;
    out('AlarmTopicArn', insights.topic.topicArn);
    out('AthenaWorkGroup', workgroup.workGroupName);
    out('GlueDatabase', workgroup.databaseName);
    out('AthenaResultsBucket', workgroup.results.bucket.bucketName);
    out('TrailName', trail.trail.ref);
    out('TrailBucketName', trail.storage.bucket.bucketName);
    out('WazuhPolicyArn', wazuhReader.policy.managedPolicyArn);
    if (wazuhReader.role) out(WAZUH_ROLE_OUTPUT, wazuhReader.role.roleArn);
    out(
      'WazuhOssecConfig',
      wazuhVpcFlowWodle({ bucketName: flowLogs.bucketName, path: names.flowLogS3Folder, region: Aws.REGION, iamRoleArn: wazuhReader.role?.roleArn }),
      "Paste into Wazuh's ossec.conf (or run npm run wazuh-config) to read the VPC flow logs from S3",
    );
  }
}
