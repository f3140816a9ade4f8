import { Aws } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import { Construct } from 'constructs';
import { AthenaWorkgroup } from './athena-workgroup';

export interface FlowLogAthenaProps {
  readonly workgroup: AthenaWorkgroup;
  /** The flow log's bucket, as the network part delivers to it. */
  readonly bucketName: string;
  /** The flow log's S3 folder: vpc */
  readonly s3Folder: string;
  readonly tableName: string;
}

/** The 14 fields of the default format (version 2), in the order of a record. */
export const FLOW_LOG_COLUMNS: glue.CfnTable.ColumnProperty[] = [
  { name: 'version', type: 'int' },
  { name: 'account_id', type: 'string' },
  { name: 'interface_id', type: 'string' },
  { name: 'srcaddr', type: 'string' },
  { name: 'dstaddr', type: 'string' },
  { name: 'srcport', type: 'int' },
  { name: 'dstport', type: 'int' },
  { name: 'protocol', type: 'bigint' },
  { name: 'packets', type: 'bigint' },
  { name: 'bytes', type: 'bigint' },
  { name: 'start', type: 'bigint' },
  { name: 'end', type: 'bigint' },
  { name: 'action', type: 'string' },
  { name: 'log_status', type: 'string' },
];

/** Athena SQL of the saved queries; <table> is replaced by the table name. */
export const FLOW_LOG_ATHENA_QUERIES = {
  rejected: {
    name: 'VPC flow logs - rejected flows',
    description: 'Flows that a security group or network ACL rejected, newest first',
    queryString:
      'SELECT day, from_unixtime("start") AS start_time, interface_id, srcaddr, srcport, dstaddr, dstport, protocol, packets, bytes\nFROM <table>\nWHERE action = \'REJECT\'\nORDER BY "start" DESC\nLIMIT 100',
  },
  topTalkers: {
    name: 'VPC flow logs - top talkers',
    description: 'Source and destination pairs by bytes transferred',
    queryString:
      'SELECT srcaddr, dstaddr, sum(bytes) AS total_bytes, sum(packets) AS total_packets, count(*) AS flows\nFROM <table>\nGROUP BY srcaddr, dstaddr\nORDER BY total_bytes DESC\nLIMIT 20',
  },
  dns: {
    name: 'VPC flow logs - DNS',
    description: 'Flows to destination port 53',
    queryString:
      'SELECT day, from_unixtime("start") AS start_time, srcaddr, dstaddr, dstport, protocol, action, packets, bytes\nFROM <table>\nWHERE dstport = 53\nORDER BY "start" DESC\nLIMIT 100',
  },
} as const;

/**
 * A Glue table over the flow-log bucket exactly as the flow log delivers it (the layout Wazuh's
 * vpcflow reader needs, so nothing is converted): gzip plain text, one space-delimited default
 * format record per line after a header line, keys <folder>/AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/.
 * Partition projection finds the days; the workshop's queries are saved in the workgroup.
 */
export class FlowLogAthena extends Construct {
  public readonly table: glue.CfnTable;
  public readonly tableName: string;
  public readonly location: string;
  public readonly queries: Record<keyof typeof FLOW_LOG_ATHENA_QUERIES, athena.CfnNamedQuery>;

  constructor(scope: Construct, id: string, props: FlowLogAthenaProps) {
    super(scope, id);
    this.location = `s3://${props.bucketName}/${props.s3Folder}/AWSLogs/${Aws.ACCOUNT_ID}/vpcflowlogs/${Aws.REGION}/`;
    this.table = props.workgroup.addProjectedTable(this, 'Table', {
      tableName: props.tableName,
      description: 'VPC flow logs (default format, plain text) as delivered to S3',
      columns: FLOW_LOG_COLUMNS,
      location: this.location,
      serializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
      serdeParameters: { 'field.delim': ' ', 'serialization.format': ' ' },
      // TextInputFormat reads the .log.gz files by their extension.
      inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
      // Each file starts with the field names: "version account-id interface-id ...".
      parameters: { 'skip.header.line.count': '1' },
    });
    this.tableName = props.tableName;
    const query = (key: keyof typeof FLOW_LOG_ATHENA_QUERIES) =>
      props.workgroup.addNamedQuery(this, `Query-${key}`, {
        ...FLOW_LOG_ATHENA_QUERIES[key],
        queryString: FLOW_LOG_ATHENA_QUERIES[key].queryString.replace('<table>', props.tableName),
      });
    this.queries = { rejected: query('rejected'), topTalkers: query('topTalkers'), dns: query('dns') };
  }
}
