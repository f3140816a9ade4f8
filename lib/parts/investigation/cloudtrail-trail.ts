import { Aws, Validations } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AthenaWorkgroup } from './athena-workgroup';
import { EmptiedBucket } from '../../constructs/emptied-bucket';
import { logicalIdOf } from '../../constructs/logical-id';
import { encryptedLogGroup, LogSettings } from '../../constructs/workshop-key';

export interface CloudTrailTrailProps {
  readonly trailName: string;
  readonly logGroupName: string;
  readonly logs: LogSettings;
  readonly workgroup: AthenaWorkgroup;
  readonly tableName: string;
}

/** CloudTrail record fields (Athena user guide, "Query AWS CloudTrail logs"); Glue keeps names lower case. */
export const CLOUDTRAIL_COLUMNS: glue.CfnTable.ColumnProperty[] = [
  { name: 'eventversion', type: 'string' },
  {
    name: 'useridentity',
    type:
      'struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,' +
      'onbehalfof:struct<userid:string,identitystorearn:string>,' +
      'sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,' +
      'sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,' +
      'ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>',
  },
  { name: 'eventtime', type: 'string' },
  { name: 'eventsource', type: 'string' },
  { name: 'eventname', type: 'string' },
  { name: 'awsregion', type: 'string' },
  { name: 'sourceipaddress', type: 'string' },
  { name: 'useragent', type: 'string' },
  { name: 'errorcode', type: 'string' },
  { name: 'errormessage', type: 'string' },
  { name: 'requestparameters', type: 'string' },
  { name: 'responseelements', type: 'string' },
  { name: 'additionaleventdata', type: 'string' },
  { name: 'requestid', type: 'string' },
  { name: 'eventid', type: 'string' },
  { name: 'readonly', type: 'string' },
  { name: 'resources', type: 'array<struct<arn:string,accountid:string,type:string>>' },
  { name: 'eventtype', type: 'string' },
  { name: 'apiversion', type: 'string' },
  { name: 'recipientaccountid', type: 'string' },
  { name: 'serviceeventdetails', type: 'string' },
  { name: 'sharedeventid', type: 'string' },
  { name: 'vpcendpointid', type: 'string' },
  { name: 'vpcendpointaccountid', type: 'string' },
  { name: 'eventcategory', type: 'string' },
  { name: 'sessioncredentialfromconsole', type: 'string' },
  { name: 'tlsdetails', type: 'struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>' },
];

/** The workshop's CloudTrail query; <table> is replaced by the table name. */
export const CLOUDTRAIL_ATHENA_QUERY = {
  name: 'CloudTrail - events per IAM user',
  description: 'Count of events per IAM user name and event name, most frequent first',
  queryString:
    "SELECT useridentity.username, eventname, count(*) AS event_count\nFROM <table>\nWHERE useridentity.type = 'IAMUser'\nGROUP BY useridentity.username, eventname\nORDER BY event_count DESC",
} as const;

/**
 * The workshop's trail (part 2, "CloudTrail"): management events of all regions, log file
 * validation, to a bucket of its own (emptied and deleted on destroy) and to CloudWatch Logs
 * through a delivery role; a Glue table over the bucket with partition projection and the
 * workshop's query saved in the workgroup.
 *
 * L1 CfnTrail rather than the L2 Trail: the L2 writes the bucket policy without the
 * aws:SourceArn condition that the CloudTrail user guide recommends against the confused deputy.
 */
export class CloudTrailTrail extends Construct {
  public readonly trail: cloudtrail.CfnTrail;
  public readonly trailArn: string;
  public readonly storage: EmptiedBucket;
  public readonly logGroup: logs.LogGroup;
  public readonly table: glue.CfnTable;
  public readonly location: string;
  public readonly query: athena.CfnNamedQuery;

  constructor(scope: Construct, id: string, props: CloudTrailTrailProps) {
    super(scope, id);
    this.trailArn = `arn:${Aws.PARTITION}:cloudtrail:${Aws.REGION}:${Aws.ACCOUNT_ID}:trail/${props.trailName}`;
    this.storage = new EmptiedBucket(this, 'Storage', { purpose: 'CloudTrail log files', logs: props.logs });
    const bucket = this.storage.bucket;

    // Bucket policy of the CloudTrail user guide ("Amazon S3 bucket policy for CloudTrail").
    const cloudTrailPrincipal = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    const fromThisTrail = { 'aws:SourceArn': this.trailArn };
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSCloudTrailAclCheck',
        principals: [cloudTrailPrincipal],
        actions: ['s3:GetBucketAcl'],
        resources: [bucket.bucketArn],
        conditions: { StringEquals: fromThisTrail },
      }),
    );
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSCloudTrailWrite',
        principals: [cloudTrailPrincipal],
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects(`AWSLogs/${Aws.ACCOUNT_ID}/*`)],
        conditions: { StringEquals: { ...fromThisTrail, 's3:x-amz-acl': 'bucket-owner-full-control' } },
      }),
    );

    this.logGroup = encryptedLogGroup(this, 'LogGroup', props.logGroupName, props.logs);
    // Only this account's trail may use the role (CloudTrail user guide: confused deputy prevention).
    // The trail's ARN is built from its name, not read from the trail, which refers to the role.
    const deliveryRole = new iam.Role(this, 'DeliveryRole', {
      description: `CloudTrail delivery of ${props.trailName} to ${props.logGroupName}`,
      assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': this.trailArn },
      }),
    });
    deliveryRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] }),
    );
    Validations.of(deliveryRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(this.logGroup)}.Arn>]`,
      reason: 'The log group ARN ends in :* so CloudTrail can write the log streams it creates (<account>_CloudTrail_<region>) in this one log group.',
    });

    this.trail = new cloudtrail.CfnTrail(this, 'Trail', {
      trailName: props.trailName,
      isLogging: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      // SSE-KMS with the workshop key (CT.CLOUDTRAIL.PR.1); the key policy lets only this trail use it.
      kmsKeyId: props.logs.key.keyArn,
      s3BucketName: bucket.bucketName,
      cloudWatchLogsLogGroupArn: this.logGroup.logGroupArn,
      cloudWatchLogsRoleArn: deliveryRole.roleArn,
    });
    props.logs.key.allowTrail(this.trailArn);
    // CloudTrail checks both permissions when the trail is created; on destroy the trail goes
    // first (no new files), then the bucket is emptied, then deleted.
    this.trail.node.addDependency(bucket.policy!, deliveryRole.node.findChild('DefaultPolicy'), this.storage.emptier);

    this.location = `s3://${bucket.bucketName}/AWSLogs/${Aws.ACCOUNT_ID}/CloudTrail/${Aws.REGION}/`;
    this.table = props.workgroup.addProjectedTable(this, 'Table', {
      tableName: props.tableName,
      description: `CloudTrail log files of ${props.trailName} in this region`,
      columns: CLOUDTRAIL_COLUMNS,
      location: this.location,
      serializationLibrary: 'org.apache.hive.hcatalog.data.JsonSerDe',
      // Splits each file's {"Records": [...]} into one row per event.
      inputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
    });
    this.query = props.workgroup.addNamedQuery(this, 'Query', {
      ...CLOUDTRAIL_ATHENA_QUERY,
      queryString: CLOUDTRAIL_ATHENA_QUERY.queryString.replace('<table>', props.tableName),
    });
  }
}
