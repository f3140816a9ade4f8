import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import { compare, compareRow, isOk, NO_NAME_TAG, summarize } from '../../scripts/verify/compare';
import { parseContextArgs } from '../../scripts/operator/args';
import { operatorConfig } from '../../scripts/operator/context';
import { DEFAULT_FLOW_LOG_FORMAT, expectedRows, UNSET } from '../../scripts/verify/expected';
import { formatSummary, formatTable } from '../../scripts/verify/format';
import { policyStatements } from '../../scripts/verify/observer';
import { EXISTS, ExpectedRow, Found, Observation, rowKey } from '../../scripts/verify/types';

const target = { account: '123456789012', partition: 'aws' };
const expectedOf = (rows: ExpectedRow[], resource: string, attribute: string) =>
  rows.find((r) => r.resource === resource && r.attribute === attribute)?.expected;

/** An observation in which every expected row is found exactly as expected. */
function perfect(rows: ExpectedRow[]): Observation {
  return new Map(rows.map((r) => [rowKey(r.resource, r.attribute), { value: r.expected } as Found]));
}

describe('expected rows from the default config (cdk.json)', () => {
  const config = operatorConfig();
  const rows = expectedRows(config, target);

  test('cdk.json gives the workshop defaults', () => {
    expect(config).toEqual(WORKSHOP_DEFAULTS);
  });

  test('contain the literal workshop values', () => {
    expect(expectedOf(rows, 'VPC VPC-10-0-0-0', 'CIDR')).toBe('10.0.0.0/16');
    expect(expectedOf(rows, 'VPC VPC-10-0-0-0', 'DNS hostnames')).toBe('true');
    expect(expectedOf(rows, 'VPC VPC-10-0-0-0', 'NAT gateways in VPC')).toBe('3');
    const subnets: Array<[string, string, string, string]> = [
      ['Public-Subnet-a-10-0-1', '10.0.1.0/24', 'us-east-1a', 'true'],
      ['Public-Subnet-b-10-0-2', '10.0.2.0/24', 'us-east-1b', 'true'],
      ['Public-Subnet-c-10-0-3', '10.0.3.0/24', 'us-east-1c', 'true'],
      ['Private-Subnet-a-10-0-4', '10.0.4.0/24', 'us-east-1a', 'false'],
      ['Private-Subnet-b-10-0-5', '10.0.5.0/24', 'us-east-1b', 'false'],
      ['Private-Subnet-c-10-0-6', '10.0.6.0/24', 'us-east-1c', 'false'],
    ];
    for (const [name, cidr, az, pub] of subnets) {
      expect(expectedOf(rows, `Subnet ${name}`, 'CIDR')).toBe(cidr);
      expect(expectedOf(rows, `Subnet ${name}`, 'AZ')).toBe(az);
      expect(expectedOf(rows, `Subnet ${name}`, 'MapPublicIpOnLaunch')).toBe(pub);
    }
    expect(expectedOf(rows, 'Route table Public-Route-Table', 'associated subnets')).toBe(
      'Public-Subnet-a-10-0-1, Public-Subnet-b-10-0-2, Public-Subnet-c-10-0-3',
    );
    expect(expectedOf(rows, 'Route table Public-Route-Table', 'route 0.0.0.0/0')).toBe('IGW-VPC-10-0-0-0');
    expect(expectedOf(rows, 'Route table Private-Route-Table-b', 'route 0.0.0.0/0')).toBe('NGW-Public-subnet-10-0-2');
    expect(expectedOf(rows, 'NAT gateway NGW-Public-subnet-10-0-3', 'subnet')).toBe('Public-Subnet-c-10-0-3');
    expect(expectedOf(rows, 'Flow log VPC-10-0-0-0 -> CloudWatch Logs', 'destination log group')).toBe('Flow-logs-VPC-10-0-0-0');
    expect(expectedOf(rows, 'Flow log VPC-10-0-0-0 -> S3', 'destination')).toBe(
      'arn:aws:s3:::s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1/vpc/',
    );
    expect(expectedOf(rows, 'Flow log VPC-10-0-0-0 -> S3', 'log format')).toBe(DEFAULT_FLOW_LOG_FORMAT);
    expect(expectedOf(rows, 'Log group Flow-logs-VPC-10-0-0-0', 'retention (days)')).toBe('365');
    expect(expectedOf(rows, 'Instance webserver-001-default-vpc', 'security groups')).toBe('http-world');
    expect(expectedOf(rows, 'Instance webserver-001-default-vpc', 'public IP')).toBe('yes');
    expect(expectedOf(rows, 'Instance Ubuntu-instance-001-no-updates', 'subnet')).toBe('Private-Subnet-a-10-0-4');
    expect(expectedOf(rows, 'Instance Windows-instance-001', 'public IP')).toBe('no');
    expect(expectedOf(rows, 'Instance Windows-instance-001', 'instance profile')).toBe('ROLE-AmazonEC2RoleforSSM');
    expect(expectedOf(rows, 'Instance Windows-instance-001', 'IMDSv2 (HttpTokens)')).toBe('required');
    expect(expectedOf(rows, 'Default VPC', 'Name tag')).toBe('Default-VPC');
    for (const r of ['IAM group workshop-RO-GROUP', 'IAM user workshop-RO', 'IAM role workshop-CROSS-ACCOUNT-ROLE', 'IAM role ROLE-AmazonEC2RoleforSSM']) {
      expect(expectedOf(rows, r, EXISTS)).toBe('yes');
    }
    expect(rows.filter((r) => r.attribute === EXISTS && r.resource.startsWith('Stack ')).map((r) => r.resource)).toEqual(['Stack SecurityWorkshop']);
  });

  test('contain the literal values of the investigation stack', () => {
    const bucket = 's3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1';
    expect(expectedOf(rows, 'Stack SecurityWorkshop', 'status')).toBe('CREATE_COMPLETE');
    expect(expectedOf(rows, `S3 bucket ${bucket}`, 'delivery statements')).toBe(
      `s3:GetBucketAcl arn:aws:s3:::${bucket}; s3:PutObject arn:aws:s3:::${bucket}/vpc/AWSLogs/123456789012/*`,
    );
    expect(expectedOf(rows, 'SNS topic SecurityWorkshop-Alarms', EXISTS)).toBe('yes');

    const filter = 'Metric filter RejectedFlows on Flow-logs-VPC-10-0-0-0';
    expect(expectedOf(rows, filter, 'pattern')).toBe(
      '[version, account_id, interface_id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, end, action = "REJECT", log_status]',
    );
    expect(expectedOf(rows, filter, 'metric')).toBe('SecurityWorkshop/FlowLogs/RejectedFlows');
    expect(expectedOf(rows, filter, 'metric value')).toBe('1');

    const alarm = 'Alarm SecurityWorkshop-FlowLogs-Rejected-Spike';
    expect(expectedOf(rows, alarm, 'metric')).toBe('SecurityWorkshop/FlowLogs/RejectedFlows');
    expect(expectedOf(rows, alarm, 'statistic')).toBe('Sum');
    expect(expectedOf(rows, alarm, 'period (s)')).toBe('300');
    expect(expectedOf(rows, alarm, 'threshold')).toBe('100');
    expect(expectedOf(rows, alarm, 'comparison')).toBe('GreaterThanOrEqualToThreshold');
    expect(expectedOf(rows, alarm, 'alarm actions')).toBe('arn:aws:sns:us-east-1:123456789012:SecurityWorkshop-Alarms');

    expect(expectedOf(rows, 'Glue database securityworkshop_logs', EXISTS)).toBe('yes');
    expect(expectedOf(rows, 'Glue table securityworkshop_logs.vpc_flow_logs', 'location')).toBe(
      `s3://${bucket}/vpc/AWSLogs/123456789012/vpcflowlogs/us-east-1/`,
    );
    expect(expectedOf(rows, 'Glue table securityworkshop_logs.vpc_flow_logs', 'projection.enabled')).toBe('true');
    expect(expectedOf(rows, 'Glue table securityworkshop_logs.cloudtrail_logs', 'location')).toBe(
      's3://<output TrailBucketName>/AWSLogs/123456789012/CloudTrail/us-east-1/',
    );
    expect(expectedOf(rows, 'Glue table securityworkshop_logs.cloudtrail_logs', 'projection.enabled')).toBe('true');

    const wg = 'Athena workgroup SecurityWorkshop-Investigation';
    expect(expectedOf(rows, wg, 'state')).toBe('ENABLED');
    expect(expectedOf(rows, wg, 'enforce workgroup configuration')).toBe('true');
    expect(expectedOf(rows, wg, 'output location')).toBe('s3://<output AthenaResultsBucket>/');
    expect(expectedOf(rows, wg, 'result encryption')).toBe('SSE_KMS');
    expect(expectedOf(rows, wg, 'saved queries')).toBe('4');
    expect(expectedOf(rows, wg, 'saved query names')).toBe(
      'CloudTrail - events per IAM user, VPC flow logs - DNS, VPC flow logs - rejected flows, VPC flow logs - top talkers',
    );

    const trail = 'Trail SecurityWorkshop-Trail';
    expect(expectedOf(rows, trail, 'multi-region')).toBe('true');
    expect(expectedOf(rows, trail, 'log file validation')).toBe('true');
    expect(expectedOf(rows, trail, 'S3 bucket')).toBe('<output TrailBucketName>');
    expect(expectedOf(rows, trail, 'CloudWatch Logs group')).toBe('SecurityWorkshop-CloudTrail');
    expect(expectedOf(rows, trail, 'logging')).toBe('true');

    const policy = 'IAM policy SecurityWorkshop-WazuhVpcFlowReader';
    expect(expectedOf(rows, policy, 'actions')).toBe('ec2:DescribeFlowLogs, kms:Decrypt, s3:GetObject, s3:ListBucket');
    expect(expectedOf(rows, policy, 's3:GetObject resource')).toBe(`arn:aws:s3:::${bucket}/vpc/*`);

    // No saved Logs Insights query rows: the emulator has no API for them (see scripts/emulator/README.md).
    expect(rows.filter((r) => /Logs Insights|QueryDefinition/i.test(r.resource))).toEqual([]);
  });

  test('every resource has an exists row first', () => {
    const seen = new Set<string>();
    for (const r of rows) {
      if (!seen.has(r.resource)) expect(r.attribute).toBe(EXISTS);
      seen.add(r.resource);
    }
  });
});

describe('expected rows follow --context overrides', () => {
  test('natGateways=1: one NAT gateway serves every private route table', () => {
    const rows = expectedRows(operatorConfig({ natGateways: '1' }), target);
    expect(rows.filter((r) => r.kind === 'natGateway' && r.attribute === EXISTS)).toHaveLength(1);
    for (const az of ['a', 'b', 'c']) expect(expectedOf(rows, `Route table Private-Route-Table-${az}`, 'route 0.0.0.0/0')).toBe('NGW-Public-subnet-10-0-1');
  });

  test('threshold, stack prefix and partition change the investigation rows', () => {
    const rows = expectedRows(operatorConfig({ rejectedFlowsAlarmThreshold: '25', stackPrefix: 'Lab-One' }), { account: '210987654321', partition: 'aws-us-gov' });
    expect(expectedOf(rows, 'Alarm Lab-One-FlowLogs-Rejected-Spike', 'threshold')).toBe('25');
    expect(expectedOf(rows, 'Alarm Lab-One-FlowLogs-Rejected-Spike', 'alarm actions')).toBe('arn:aws-us-gov:sns:us-east-1:210987654321:Lab-One-Alarms');
    expect(expectedOf(rows, 'Alarm Lab-One-FlowLogs-Rejected-Spike', 'metric')).toBe('Lab-One/FlowLogs/RejectedFlows');
    expect(expectedOf(rows, 'Glue table lab_one_logs.vpc_flow_logs', 'location')).toBe(
      's3://s3-vpc-flow-logs-vpc-10-0-0-0-210987654321-us-east-1/vpc/AWSLogs/210987654321/vpcflowlogs/us-east-1/',
    );
    expect(expectedOf(rows, 'Trail Lab-One-Trail', 'CloudWatch Logs group')).toBe('Lab-One-CloudTrail');
    expect(expectedOf(rows, 'IAM policy Lab-One-WazuhVpcFlowReader', EXISTS)).toBe('yes');
    expect(expectedOf(rows, 'Stack Lab-One', EXISTS)).toBe('yes');
  });

  test('policy documents: IAM returns them URL-encoded, S3 as JSON; a single statement counts as a list', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/vpc/*' }] };
    expect(policyStatements(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc.Statement);
    expect(policyStatements(JSON.stringify(doc))).toEqual(doc.Statement);
    expect(policyStatements(JSON.stringify({ Statement: doc.Statement[0] }))).toEqual(doc.Statement);
    expect(policyStatements(undefined)).toEqual([]);
  });

  test('another CIDR and participant rename what they derive', () => {
    const rows = expectedRows(
      operatorConfig({
        vpcCidr: '10.1.0.0/16',
        publicSubnetCidrs: '10.1.1.0/24,10.1.2.0/24,10.1.3.0/24',
        privateSubnetCidrs: '10.1.4.0/24,10.1.5.0/24,10.1.6.0/24',
        participantName: 'alice',
        logRetentionDays: '400',
      }),
      target,
    );
    expect(expectedOf(rows, 'VPC VPC-10-1-0-0', 'CIDR')).toBe('10.1.0.0/16');
    expect(expectedOf(rows, 'Subnet Private-Subnet-a-10-1-4', 'CIDR')).toBe('10.1.4.0/24');
    expect(expectedOf(rows, 'Log group Flow-logs-VPC-10-1-0-0', 'retention (days)')).toBe('400');
    expect(expectedOf(rows, 'IAM group alice-RO-GROUP', EXISTS)).toBe('yes');
  });

  test('parseContextArgs reads --context / -c pairs like the CDK CLI', () => {
    expect(parseContextArgs(['--context', 'natGateways=1', '-c', 'participantName=bob', '--context=vpcCidr=10.2.0.0/16', '--strict'])).toEqual({
      context: { natGateways: '1', participantName: 'bob', vpcCidr: '10.2.0.0/16' },
      rest: ['--strict'],
    });
    expect(() => parseContextArgs(['--context', 'novalue'])).toThrow(/key=value/);
  });
});

describe('compare', () => {
  const rows = expectedRows(operatorConfig(), target);
  const row = (resource: string, attribute: string) => rows.find((r) => r.resource === resource && r.attribute === attribute)!;

  test('everything as expected: all OK', () => {
    const result = compare(rows, perfect(rows));
    expect(result.every((r) => r.status === 'OK')).toBe(true);
    expect(isOk(result)).toBe(true);
  });

  test('a different value is a MISMATCH and fails', () => {
    const obs = perfect(rows);
    obs.set(rowKey('Subnet Private-Subnet-b-10-0-5', 'MapPublicIpOnLaunch'), { value: 'true' });
    const result = compare(rows, obs);
    const r = result.find((x) => x.check === 'Subnet Private-Subnet-b-10-0-5: MapPublicIpOnLaunch')!;
    expect(r).toMatchObject({ expected: 'false', found: 'true', status: 'MISMATCH' });
    expect(isOk(result)).toBe(false);
    expect(summarize(result).mismatch).toBe(1);
  });

  test('a missing resource is one MISMATCH row; its other rows are not listed', () => {
    const obs = perfect(rows);
    obs.set(rowKey('Instance Windows-instance-001', EXISTS), { value: 'no' });
    const result = compare(rows, obs);
    const windows = result.filter((r) => r.check.startsWith('Instance Windows-instance-001'));
    expect(windows).toEqual([{ check: 'Instance Windows-instance-001: exists', expected: 'yes', found: 'no', status: 'MISMATCH' }]);
    expect(isOk(result)).toBe(false);
  });

  test('the default flow-log format may also be left unset', () => {
    expect(compareRow(row('Flow log VPC-10-0-0-0 -> S3', 'log format'), { value: UNSET }).status).toBe('OK');
    expect(compareRow(row('Flow log VPC-10-0-0-0 -> S3', 'log format'), { value: '${srcaddr}' }).status).toBe('MISMATCH');
  });

  test('nothing recorded is NOT RECORDED with its reason, not OK; strict fails on it', () => {
    const obs = perfect(rows);
    obs.set(rowKey('Flow log VPC-10-0-0-0 -> S3', 'file format'), { notRecorded: 'DescribeFlowLogs returned no DestinationOptions' });
    obs.delete(rowKey('Log group Flow-logs-VPC-10-0-0-0', 'retention (days)'));
    const result = compare(rows, obs);
    expect(result.find((r) => r.check.endsWith('file format'))).toMatchObject({ status: 'NOT RECORDED', reason: 'DescribeFlowLogs returned no DestinationOptions' });
    expect(result.find((r) => r.check.endsWith('retention (days)'))?.status).toBe('NOT RECORDED');
    expect(isOk(result)).toBe(true);
    expect(isOk(result, true)).toBe(false);
  });

  test('a value the emulator leaves wrong is a MISMATCH, as against AWS (the emulator patches close the gaps)', () => {
    expect(compareRow(row('VPC VPC-10-0-0-0', 'DNS hostnames'), { value: 'false' }).status).toBe('MISMATCH');
    expect(compareRow(row('Route table Public-Route-Table', 'Name tag'), { value: NO_NAME_TAG }).status).toBe('MISMATCH');
    expect(compareRow(row('IAM group workshop-RO-GROUP', EXISTS), { value: 'no' }).status).toBe('MISMATCH');
    expect(compareRow(row('Route table Public-Route-Table', 'Name tag'), { value: 'Public-Route-Table' }).status).toBe('OK');
  });

  test('table and summary show every row and say what was not recorded', () => {
    const obs = perfect(rows);
    obs.set(rowKey('VPC VPC-10-0-0-0', 'CIDR'), { value: '10.9.0.0/16', detail: 'vpc-1' });
    const result = compare(rows, obs);
    const table = formatTable(result);
    expect(table.split('\n')[0]).toMatch(/^check\s+\| expected\s+\| found\s+\| status$/);
    expect(table).toContain('10.9.0.0/16 (vpc-1)');
    const summary = formatSummary({ rows: result, ok: isOk(result), target: { account: '1', region: 'us-east-1', emulator: false } });
    expect(summary).toContain('1 MISMATCH');
    expect(summary).toContain('VPC VPC-10-0-0-0: CIDR: expected 10.0.0.0/16, found 10.9.0.0/16 (vpc-1)');
  });
});
