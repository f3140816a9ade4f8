import { Aws } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import { Construct } from 'constructs';
import { EmptiedBucket } from '../../constructs/emptied-bucket';
import { LogSettings } from '../../constructs/workshop-key';

export interface AthenaWorkgroupProps {
  /** Glue database of the log tables: lower case and underscores. */
  readonly databaseName: string;
  readonly workGroupName: string;
  readonly logs: LogSettings;
}

/** A Glue table over logs as delivered to S3, with one partition per day found by projection. */
export interface ProjectedTableProps {
  readonly tableName: string;
  readonly description: string;
  readonly columns: glue.CfnTable.ColumnProperty[];
  /** s3://<bucket>/<prefix>/: the folder that holds the YYYY/MM/DD/ folders. */
  readonly location: string;
  readonly serializationLibrary: string;
  readonly serdeParameters?: Record<string, string>;
  readonly inputFormat: string;
  /** Extra table parameters, e.g. skip.header.line.count. */
  readonly parameters?: Record<string, string>;
}

export interface NamedQueryProps {
  readonly name: string;
  readonly description: string;
  readonly queryString: string;
}

/** Partition column of the projected tables: the delivery date as the YYYY/MM/DD key part. */
export const DAY_PARTITION = 'day';
/**
 * Days that partition projection offers. Relative, so that the template does not change with the
 * day it is synthesized; a year covers any workshop session.
 */
export const PROJECTION_RANGE = 'NOW-1YEARS,NOW';

/**
 * The Athena side of the investigation: a Glue database for the log tables and a workgroup whose
 * query results go to a bucket of the app (emptied and deleted on destroy), encrypted with the workshop key. The
 * workgroup enforces its configuration, so every query's results land there encrypted.
 */
export class AthenaWorkgroup extends Construct {
  public readonly database: glue.CfnDatabase;
  public readonly databaseName: string;
  public readonly workGroup: athena.CfnWorkGroup;
  public readonly workGroupName: string;
  public readonly results: EmptiedBucket;

  constructor(scope: Construct, id: string, props: AthenaWorkgroupProps) {
    super(scope, id);
    this.database = new glue.CfnDatabase(this, 'Database', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: { name: props.databaseName, description: 'Workshop log tables: VPC flow logs and CloudTrail, as delivered to S3' },
    });
    this.databaseName = this.database.ref;

    this.results = new EmptiedBucket(this, 'Results', { purpose: 'Athena query results', logs: props.logs });
    this.workGroup = new athena.CfnWorkGroup(this, 'WorkGroup', {
      name: props.workGroupName,
      description: 'Workshop investigation: flow logs and CloudTrail in S3',
      state: 'ENABLED',
      // Without it CloudFormation cannot delete a workgroup that has saved queries or history.
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        // 10 GiB per query: far above a session's logs, a guard against a runaway scan.
        bytesScannedCutoffPerQuery: 10 * 1024 ** 3,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: {
          outputLocation: `s3://${this.results.bucket.bucketName}/`,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: props.logs.key.keyArn },
        },
      },
    });
    // Destroy order: the workgroup goes first (no new results), then the bucket is emptied.
    this.workGroup.node.addDependency(this.results.emptier);
    this.workGroupName = this.workGroup.ref;
  }

  /** A table with partition projection over days (no crawler, no MSCK REPAIR TABLE). */
  public addProjectedTable(scope: Construct, id: string, props: ProjectedTableProps): glue.CfnTable {
    return new glue.CfnTable(scope, id, {
      catalogId: Aws.ACCOUNT_ID,
      databaseName: this.databaseName,
      tableInput: {
        name: props.tableName,
        description: props.description,
        tableType: 'EXTERNAL_TABLE',
        partitionKeys: [{ name: DAY_PARTITION, type: 'string', comment: 'Delivery day, YYYY/MM/DD (UTC)' }],
        parameters: {
          EXTERNAL: 'TRUE',
          ...props.parameters,
          'projection.enabled': 'true',
          [`projection.${DAY_PARTITION}.type`]: 'date',
          [`projection.${DAY_PARTITION}.format`]: 'yyyy/MM/dd',
          [`projection.${DAY_PARTITION}.range`]: PROJECTION_RANGE,
          [`projection.${DAY_PARTITION}.interval`]: '1',
          [`projection.${DAY_PARTITION}.interval.unit`]: 'DAYS',
          'storage.location.template': `${props.location}\${${DAY_PARTITION}}/`,
        },
        storageDescriptor: {
          columns: props.columns,
          location: props.location,
          inputFormat: props.inputFormat,
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          serdeInfo: { serializationLibrary: props.serializationLibrary, parameters: props.serdeParameters },
        },
      },
    });
  }

  /** A saved query of the workgroup (Athena console, "Saved queries"). */
  public addNamedQuery(scope: Construct, id: string, props: NamedQueryProps): athena.CfnNamedQuery {
    return new athena.CfnNamedQuery(scope, id, {
      name: props.name,
      description: props.description,
      database: this.databaseName,
      workGroup: this.workGroupName,
      queryString: props.queryString,
    });
  }
}
