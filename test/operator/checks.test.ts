/**
 * Single checks of the preflight and leftovers packs, compliant and non-compliant (in the style of
 * cdk-nag's rule tests), against stub clients that answer by command name: no emulator needed.
 */
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import type { AwsClients } from '../../scripts/operator/clients';
import { defaultVpcName } from '../../scripts/leftovers/parts/compute';
import { flowLogBucket } from '../../scripts/leftovers/parts/network';
import { Scan } from '../../scripts/leftovers/scan';
import { defaultVpc } from '../../scripts/preflight/checks/default-vpc';
import { elasticIps } from '../../scripts/preflight/checks/elastic-ips';
import { Finding, PreflightCheck } from '../../scripts/preflight/types';

type Answers = Record<string, (input: any) => unknown>;

/** Clients whose send() answers each command (by class name) from `answers`; anything else throws. */
function stubClients(answers: Answers): AwsClients {
  const client = {
    send: async (command: { constructor: { name: string }; input: unknown }) => {
      const answer = answers[command.constructor.name];
      if (!answer) throw Object.assign(new Error(`${command.constructor.name} not stubbed`), { name: 'NotStubbed' });
      return answer(command.input);
    },
  };
  return new Proxy({} as AwsClients, { get: () => client });
}

async function run(check: PreflightCheck, answers: Answers): Promise<Finding[]> {
  const out: Finding[] = [];
  await check.run({ config: WORKSHOP_DEFAULTS, c: stubClients(answers), account: '123456789012' }, out);
  return out;
}

const quota = (value: number) => ({ GetServiceQuotaCommand: () => ({ Quota: { Value: value } }) });
const addresses = (n: number) => ({ DescribeAddressesCommand: () => ({ Addresses: Array.from({ length: n }, () => ({ Domain: 'vpc' })) }) });

describe('preflight: Elastic IPs (one per NAT gateway)', () => {
  test('compliant: room for the three', async () => {
    const [f] = await run(elasticIps, { ...quota(5), ...addresses(2) });
    expect(f).toMatchObject({ level: 'INFO', check: 'Elastic IPs' });
    expect(f.found).toBe('2 allocated of 5 (Service Quotas L-0263D0A3); the app allocates 3 (one per NAT gateway, natGateways=3): 3 free');
  });

  test('non-compliant: a blocker that says how many are free and what to do', async () => {
    const [f] = await run(elasticIps, { ...quota(5), ...addresses(4) });
    expect(f).toMatchObject({ level: 'BLOCKER', check: 'Elastic IPs' });
    expect(f.found).toMatch(/: only 1 free$/);
    expect(f.action).toMatch(/release 2 unused address\(es\).*-c natGateways=1.*request-service-quota-increase --service-code ec2 --quota-code L-0263D0A3/);
  });
});

describe('preflight: default VPC (the webserver launches in its default subnet of AZ a)', () => {
  const vpc = { DescribeVpcsCommand: () => ({ Vpcs: [{ VpcId: 'vpc-1', Tags: [] }] }) };

  test('compliant: default VPC with a default subnet in us-east-1a', async () => {
    const [f] = await run(defaultVpc, { ...vpc, DescribeSubnetsCommand: () => ({ Subnets: [{ SubnetId: 'subnet-1' }] }) });
    expect(f).toEqual({ level: 'INFO', check: 'Default VPC', found: 'vpc-1 with default subnet subnet-1 in us-east-1a', action: '' });
  });

  test('non-compliant: no default VPC', async () => {
    const [f] = await run(defaultVpc, { DescribeVpcsCommand: () => ({ Vpcs: [] }) });
    expect(f).toEqual({
      level: 'BLOCKER',
      check: 'Default VPC',
      found: 'no default VPC in us-east-1; webserver-001-default-vpc is launched in it',
      action: 'aws ec2 create-default-vpc --region us-east-1',
    });
  });
});

async function scan(check: { run(s: Scan): Promise<void> }, answers: Answers) {
  const s = new Scan(stubClients(answers), WORKSHOP_DEFAULTS, '123456789012');
  await check.run(s);
  return s.result();
}

describe('leftovers: the default VPC Name tag', () => {
  test('compliant: the default VPC no longer named Default-VPC', async () => {
    expect(await scan(defaultVpcName, { DescribeVpcsCommand: () => ({ Vpcs: [{ VpcId: 'vpc-1', Tags: [{ Key: 'Name', Value: 'mine' }] }] }) })).toEqual({ items: [], info: [], skipped: [] });
  });

  test('non-compliant: still named Default-VPC, with the command that removes the tag', async () => {
    const { items } = await scan(defaultVpcName, { DescribeVpcsCommand: () => ({ Vpcs: [{ VpcId: 'vpc-1', Tags: [{ Key: 'Name', Value: 'Default-VPC' }] }] }) });
    expect(items).toEqual([
      {
        kind: 'default VPC Name tag',
        id: 'vpc-1#Name',
        via: 'DescribeVpcs is-default',
        detail: 'vpc-1 still named Default-VPC',
        action: 'aws ec2 delete-tags --resources vpc-1 --tags Key=Name --region us-east-1',
      },
    ]);
  });
});

describe('leftovers: the flow-log bucket', () => {
  const bucket = 's3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1';

  test('compliant: HeadBucket says 404', async () => {
    const notFound = () => {
      throw Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    };
    expect(await scan(flowLogBucket, { HeadBucketCommand: notFound })).toEqual({ items: [], info: [], skipped: [] });
  });

  test('non-compliant: the bucket is still there', async () => {
    const { items } = await scan(flowLogBucket, { HeadBucketCommand: ({ Bucket }) => (Bucket === bucket ? {} : undefined) });
    expect(items).toEqual([{ kind: 'S3 bucket', id: bucket, via: 'HeadBucket', detail: 'the flow-log bucket', action: `aws s3 rb s3://${bucket} --force` }]);
  });

  test('a lookup that fails otherwise is NOT CHECKED, not clean', async () => {
    const denied = () => {
      throw Object.assign(new Error('denied'), { name: 'AccessDenied' });
    };
    expect((await scan(flowLogBucket, { HeadBucketCommand: denied })).skipped).toEqual([`bucket ${bucket}: AccessDenied: denied`]);
  });
});
