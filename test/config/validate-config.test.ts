import { loadConfig, nearestContextKey, unknownContextKeys, unknownSettingProblem } from '../../lib/config/load-config';
import { WorkshopConfigError } from '../../lib/config/validate-config';
import { WORKSHOP_DEFAULTS, workshopNames } from '../../lib/config/workshop-config';

/** Context as `-c key=value` gives it: every value a string. */
const load = (context: Record<string, unknown>) => loadConfig((k) => context[k]);

describe('defaults are the workshop table', () => {
  test('literal values', () => {
    const c = load({});
    expect(c.region).toBe('us-east-1');
    expect(c.availabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(c.vpcCidr).toBe('10.0.0.0/16');
    expect(c.publicSubnetCidrs).toEqual(['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24']);
    expect(c.privateSubnetCidrs).toEqual(['10.0.4.0/24', '10.0.5.0/24', '10.0.6.0/24']);
    expect(c.natGateways).toBe(3);
    expect(c.participantName).toBe('workshop');
    expect(c.instanceTypes.webserver).toBe('t3.micro');
    expect(c.sampleFindings).toBe(true);
    expect(c.day2).toBe(false);
  });

  test('console names', () => {
    const n = workshopNames(WORKSHOP_DEFAULTS);
    expect(n.vpc).toBe('VPC-10-0-0-0');
    expect(n.internetGateway).toBe('IGW-VPC-10-0-0-0');
    expect(n.publicSubnets.map((s) => s.name)).toEqual(['Public-Subnet-a-10-0-1', 'Public-Subnet-b-10-0-2', 'Public-Subnet-c-10-0-3']);
    expect(n.privateSubnets.map((s) => s.name)).toEqual(['Private-Subnet-a-10-0-4', 'Private-Subnet-b-10-0-5', 'Private-Subnet-c-10-0-6']);
    expect(n.natGateways).toEqual(['NGW-Public-subnet-10-0-1', 'NGW-Public-subnet-10-0-2', 'NGW-Public-subnet-10-0-3']);
    expect(n.privateRouteTables).toEqual(['Private-Route-Table-a', 'Private-Route-Table-b', 'Private-Route-Table-c']);
    expect(n.flowLogGroup).toBe('Flow-logs-VPC-10-0-0-0');
    expect(n.readOnlyGroup).toBe('workshop-RO-GROUP');
    expect(n.readOnlyUser).toBe('workshop-RO');
    expect(n.ssmInstanceRole).toBe('ROLE-AmazonEC2RoleforSSM');
  });

  test('-c strings are converted', () => {
    const c = load({
      natGateways: '1',
      availabilityZones: 'us-east-1b, us-east-1c,us-east-1d',
      sampleFindings: 'false',
      trustedAccountId: '111122223333',
      logRetentionDays: '400',
      windowsInstanceType: 't3.medium',
      day2: 'true',
    });
    expect(c.day2).toBe(true);
    expect(c.natGateways).toBe(1);
    expect(c.availabilityZones).toEqual(['us-east-1b', 'us-east-1c', 'us-east-1d']);
    expect(c.sampleFindings).toBe(false);
    expect(c.trustedAccountId).toBe('111122223333');
    expect(c.logRetentionDays).toBe(400);
    expect(c.instanceTypes.windows).toBe('t3.medium');
  });

  test('a wrongly cased setting is reported, not ignored', () => {
    expect(unknownContextKeys(['natgateways', 'participantName', '@aws-cdk/core:foo'])).toEqual(['natgateways']);
  });

  test('an unknown setting is reported whatever its spelling, with the nearest known one; the CDK\'s own keys pass', () => {
    const cdkOwn = [
      '@aws-cdk/core:newStyleStackSynthesis', 'aws:cdk:enable-path-metadata', 'aws:cdk:version-reporting', 'aws-cdk:enableDiffNoFail',
      'cdk-nag', 'acknowledged-issue-numbers', 'availability-zones:account=123456789012:region=us-east-1',
    ];
    expect(unknownContextKeys(['participant_name', 'natGateway', 'vpcCdir', 'colour', ...cdkOwn, 'participantName'])).toEqual([
      'participant_name', 'natGateway', 'vpcCdir', 'colour',
    ]);
    expect(nearestContextKey('participant_name')).toBe('participantName');
    expect(nearestContextKey('natGateway')).toBe('natGateways');
    expect(nearestContextKey('vpcCdir')).toBe('vpcCidr');
    expect(nearestContextKey('Alarm-Email')).toBe('alarmEmail');
    expect(nearestContextKey('colour')).toBeUndefined();
    expect(unknownSettingProblem('natGateway')).toMatch(/^natGateway: unknown setting \(did you mean natGateways\?\); the settings are region, /);
  });

  test('an empty value is an error naming the setting, not the default', () => {
    for (const key of ['participantName', 'alarmEmail', 'trustedAccountId', 'availabilityZones', 'natGateways']) {
      expect(() => load({ [key]: '' })).toThrow(`${key}="": an empty value is not the default`);
    }
    expect(() => load({ participantName: '  ' })).toThrow('participantName="": an empty value is not the default');
  });
});

describe('bad configuration stops synth with the setting, the value and what is allowed', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['not a CIDR', { vpcCidr: '10.0.0/16' }, /vpcCidr="10\.0\.0\/16": is not an IPv4 CIDR/],
    ['octet above 255', { vpcCidr: '10.0.300.0/16' }, /vpcCidr="10\.0\.300\.0\/16": has an octet above 255/],
    ['host bits set', { publicSubnetCidrs: '10.0.1.5/24,10.0.2.0/24,10.0.3.0/24' }, /publicSubnetCidrs="10\.0\.1\.5\/24": has host bits set/],
    ['VPC prefix too large', { vpcCidr: '10.0.0.0/8' }, /vpcCidr="10\.0\.0\.0\/8": must have a prefix length from \/16 to \/28/],
    ['overlapping subnets', { privateSubnetCidrs: '10.0.4.0/24,10.0.5.0/24,10.0.1.0/25' }, /privateSubnetCidrs="10\.0\.1\.0\/25": must not overlap 10\.0\.1\.0\/24 \(publicSubnetCidrs\)/],
    ['subnet outside the VPC', { publicSubnetCidrs: '10.0.1.0/24,10.0.2.0/24,10.1.3.0/24' }, /publicSubnetCidrs="10\.1\.3\.0\/24": must lie inside vpcCidr 10\.0\.0\.0\/16/],
    ['two subnets', { publicSubnetCidrs: '10.0.1.0/24,10.0.2.0/24' }, /publicSubnetCidrs=\["10\.0\.1\.0\/24","10\.0\.2\.0\/24"\]: must list exactly 3 CIDRs/],
    ['two AZs', { availabilityZones: 'us-east-1a,us-east-1b' }, /availabilityZones=\["us-east-1a","us-east-1b"\]: must list exactly 3 AZs/],
    ['four AZs', { availabilityZones: 'us-east-1a,us-east-1b,us-east-1c,us-east-1d' }, /must list exactly 3 AZs/],
    ['AZ of another region', { availabilityZones: 'us-east-1a,us-east-1b,eu-west-1c' }, /availabilityZones="eu-west-1c": must be an AZ that region us-east-1 offers: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f/],
    ['AZ of the region not given', { region: 'eu-west-1' }, /availabilityZones="us-east-1a": must be an AZ that region eu-west-1 offers: eu-west-1a, eu-west-1b, eu-west-1c/],
    ['same AZ twice', { availabilityZones: 'us-east-1a,us-east-1a,us-east-1b' }, /availabilityZones=.*: must be 3 different AZs/],
    ['unknown region', { region: 'us-east-9', availabilityZones: 'us-east-9a,us-east-9b,us-east-9c' }, /region="us-east-9": must be a commercial region/],
    ['malformed account id', { trustedAccountId: '12345' }, /trustedAccountId="12345": must be a 12-digit AWS account id/],
    ['account id with letters', { trustedAccountId: '12345678901a' }, /trustedAccountId="12345678901a"/],
    ['unknown instance type', { webserverInstanceType: 't3.huge' }, /webserverInstanceType="t3\.huge": must be an x86_64 instance type/],
    ['Graviton type with x86 AMIs', { ubuntuInstanceType: 't4g.micro' }, /ubuntuInstanceType="t4g\.micro": must be an x86_64 instance type/],
    ['non-burstable nano', { windowsInstanceType: 'm5.nano' }, /windowsInstanceType="m5\.nano"/],
    ['name IAM refuses', { participantName: 'alice smith' }, /participantName="alice smith": must be 1-32 characters of A-Z a-z 0-9 \+ = , \. @ _ -/],
    ['name too long', { participantName: 'a'.repeat(33) }, /participantName="a{33}"/],
    ['unsupported NAT count', { natGateways: '2' }, /natGateways=2: must be 3 \(the workshop: one per AZ\) or 1/],
    ['retention CloudWatch refuses', { logRetentionDays: '10' }, /logRetentionDays=10: must be one of CloudWatch Logs' values of at least 365 days/],
    [
      'retention shorter than a year (Control Tower CT.CLOUDWATCH.PR.2)',
      { logRetentionDays: '7' },
      /logRetentionDays=7: must be one of CloudWatch Logs' values of at least 365 days \(AWS Control Tower control CT.CLOUDWATCH.PR.2 refuses a shorter retention\): 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653/,
    ],
    ['day2 not a boolean', { day2: 'yes' }, /day2="yes": must be true or false/],
    ['sampleFindings not a boolean', { sampleFindings: 'yes' }, /sampleFindings="yes": must be true or false/],
    ['stack prefix', { stackPrefix: '1-bad_prefix' }, /stackPrefix="1-bad_prefix"/],
    // What AWS refuses only at deploy (issue 13, item 5).
    ['a region with only two AZs for new accounts', { region: 'us-west-1', availabilityZones: 'us-west-1a,us-west-1b,us-west-1c' }, /region="us-west-1": must be a commercial region/],
    ['an AZ letter the region lacks (ca-central-1 has a, b, d)', { region: 'ca-central-1', availabilityZones: 'ca-central-1a,ca-central-1b,ca-central-1c' },
      /availabilityZones="ca-central-1c": must be an AZ that region ca-central-1 offers: ca-central-1a, ca-central-1b, ca-central-1d/],
    ['a name IAM takes but a tag value does not (comma)', { participantName: 'smith,alice' }, /participantName="smith,alice": must also be a valid tag value/],
    ['a flow-log bucket name over 63 characters', { vpcCidr: '192.168.100.128/25', publicSubnetCidrs: '192.168.100.128/28,192.168.100.144/28,192.168.100.160/28', privateSubnetCidrs: '192.168.100.176/28,192.168.100.192/28,192.168.100.208/28' },
      /vpcCidr="192\.168\.100\.128\/25": gives the S3 bucket name \(flow logs, with account and region\) "s3-vpc-flow-logs-vpc-192-168-100-128-123456789012-ap-northeast-1" of 64 characters; AWS allows at most 63/],
    ['a trail name CloudTrail refuses (adjacent hyphens)', { stackPrefix: 'Security--Workshop' }, /stackPrefix="Security--Workshop": gives the CloudTrail trail name "Security--Workshop-Trail"/],
    ['a principal of another partition', { wazuhPrincipalArn: 'arn:aws-cn:iam::123456789012:role/wazuh' }, /wazuhPrincipalArn="arn:aws-cn:iam::123456789012:role\/wazuh": must be in the partition of region us-east-1: arn:aws:/],
  ];

  test.each(cases)('%s', (_name, context, message) => {
    expect(() => load(context)).toThrow(WorkshopConfigError);
    expect(() => load(context)).toThrow(message);
  });

  test('all problems are reported at once', () => {
    try {
      load({ natGateways: '2', trustedAccountId: 'x' });
      throw new Error('expected a WorkshopConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(WorkshopConfigError);
      expect((e as WorkshopConfigError).problems).toHaveLength(2);
    }
  });
});
