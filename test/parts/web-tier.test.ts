import { Match } from 'aws-cdk-lib/assertions';
import { loadConfig } from '../../lib/config/load-config';
import { WorkshopConfigError } from '../../lib/config/validate-config';
import { DAY2, DAY2_HTTPS } from '../support/configurations';
import { idOf, synthesized, templateOf } from '../support/synthesized';

const load = (context: Record<string, unknown>) => loadConfig((k) => context[k]);

/** Logical id of the subnet, route or security group with this Name tag. */
function idByName(t: ReturnType<typeof templateOf>, type: string, name: string): string {
  const ids = Object.keys(t.findResources(type, { Properties: { Tags: Match.arrayWith([{ Key: 'Name', Value: name }]) } }));
  expect(ids).toHaveLength(1);
  return ids[0];
}

const refs = (t: ReturnType<typeof templateOf>, type: string, names: string[]) => names.map((n) => ({ Ref: idByName(t, type, n) }));
const PUBLIC = ['Public-Subnet-a-10-0-1', 'Public-Subnet-b-10-0-2', 'Public-Subnet-c-10-0-3'];
const PRIVATE = ['Private-Subnet-a-10-0-4', 'Private-Subnet-b-10-0-5', 'Private-Subnet-c-10-0-6'];
const warningsOf = (context: Record<string, unknown>) => {
  const { assembly, stackName } = synthesized(context);
  return assembly.getStackByName(stackName).findMetadataByType('aws:cdk:warning').map((w) => String(w.data));
};

describe('web tier (day 2, protect)', () => {
  const t = templateOf(DAY2);

  test('only on day 2', () => {
    const day1 = templateOf();
    for (const type of ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::WAFv2::WebACL', 'AWS::EC2::LaunchTemplate']) day1.resourceCountIs(type, 0);
  });

  test('internet-facing application load balancer in the three public subnets, access logs to its bucket', () => {
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    const bucket = Object.keys(t.findResources('AWS::S3::Bucket')).find((id) => id.startsWith('WebTierLoadBalancerAccessLogs'));
    expect(bucket).toBeDefined();
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Name: 'SecurityWorkshop-web',
      Type: 'application',
      Scheme: 'internet-facing',
      Subnets: refs(t, 'AWS::EC2::Subnet', PUBLIC),
      SecurityGroups: [{ 'Fn::GetAtt': [idByName(t, 'AWS::EC2::SecurityGroup', 'SecurityWorkshop-web-alb'), 'GroupId'] }],
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: { Ref: bucket } },
        { Key: 'access_logs.s3.prefix', Value: 'alb' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      ]),
    });
    // us-east-1's Elastic Load Balancing account writes the logs; the bucket is SSE-S3.
    const [policy] = Object.values(t.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: bucket } } }));
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain(':iam::127311923021:root');
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('/alb/AWSLogs/');
    t.hasResourceProperties('AWS::S3::Bucket', Match.objectLike({ BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
    const [lb] = Object.values(t.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'));
    expect(lb.DependsOn).toEqual(expect.arrayContaining([idOf(t, 'AWS::EC2::Route', { GatewayId: Match.anyValue() })]));
  });

  test('Auto Scaling group in the three private subnets: 2 to 3 instances, ELB health checks, after the NAT routes, CPU target tracking', () => {
    const natRoutes = Object.keys(t.findResources('AWS::EC2::Route', { Properties: { NatGatewayId: Match.anyValue() } }));
    expect(natRoutes).toHaveLength(3);
    t.hasResource('AWS::AutoScaling::AutoScalingGroup', {
      Properties: Match.objectLike({
        AutoScalingGroupName: 'SecurityWorkshop-web',
        MinSize: '2',
        MaxSize: '3',
        VPCZoneIdentifier: refs(t, 'AWS::EC2::Subnet', PRIVATE),
        HealthCheckType: 'ELB',
        TargetGroupARNs: [{ Ref: idOf(t, 'AWS::ElasticLoadBalancingV2::TargetGroup') }],
        LaunchTemplate: { LaunchTemplateId: { Ref: idOf(t, 'AWS::EC2::LaunchTemplate') }, Version: { 'Fn::GetAtt': [idOf(t, 'AWS::EC2::LaunchTemplate'), 'LatestVersionNumber'] } },
      }),
      DependsOn: Match.arrayWith(natRoutes),
    });
    t.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
    });
  });

  test('launch template: Amazon Linux 2023, SSM instance profile, IMDSv2 required, encrypted gp3, no public IP, the landing page', () => {
    const [lt] = Object.values(t.findResources('AWS::EC2::LaunchTemplate'));
    const data = lt.Properties.LaunchTemplateData;
    expect(lt.Properties.LaunchTemplateName).toBe('SecurityWorkshop-web');
    expect(data.InstanceType).toBe('t3.micro');
    // Pinned like the day-1 instances: read once per imageSet by its own custom resource, Amazon Linux 2023 only.
    const [reader, key] = data.ImageId['Fn::GetAtt'];
    expect(key).toBe('amazonLinux2023');
    expect(t.toJSON().Resources[reader].Properties).toMatchObject({
      ImageSet: 'initial',
      Parameters: { amazonLinux2023: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' },
    });
    expect(Object.keys(t.toJSON().Resources[reader].Properties.Parameters)).toEqual(['amazonLinux2023']);
    expect(data.IamInstanceProfile).toEqual({ Name: { Ref: idOf(t, 'AWS::IAM::InstanceProfile') } });
    expect(data.MetadataOptions).toEqual({ HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 });
    expect(data.BlockDeviceMappings).toEqual([{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true } }]);
    expect(data.NetworkInterfaces).toEqual([
      { DeviceIndex: 0, AssociatePublicIpAddress: false, Groups: [{ 'Fn::GetAtt': [idByName(t, 'AWS::EC2::SecurityGroup', 'SecurityWorkshop-web-instances'), 'GroupId'] }], DeleteOnTermination: true },
    ]);
    const userData = JSON.stringify(data.UserData);
    expect(userData).toContain('dnf install -y httpd');
    expect(userData).toContain('<title>SecurityWorkshop-web</title>');
    expect(userData).toContain('placement/availability-zone');
  });

  test('security groups chained: the world to the load balancer on 80, the load balancer to the instances on 80, nothing else in', () => {
    const alb = idByName(t, 'AWS::EC2::SecurityGroup', 'SecurityWorkshop-web-alb');
    const instances = idByName(t, 'AWS::EC2::SecurityGroup', 'SecurityWorkshop-web-instances');
    const groups = t.findResources('AWS::EC2::SecurityGroup');
    expect(groups[alb].Properties.SecurityGroupIngress).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0', Description: 'HTTP from anywhere: the public entry of the web tier' },
    ]);
    expect(groups[alb].Properties.SecurityGroupEgress).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, DestinationSecurityGroupId: { 'Fn::GetAtt': [instances, 'GroupId'] }, Description: 'HTTP to the web tier instances (requests and health checks)' },
    ]);
    expect(groups[instances].Properties.SecurityGroupIngress).toBeUndefined();
    const ingress = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress', { Properties: { GroupId: { 'Fn::GetAtt': [instances, 'GroupId'] } } }));
    expect(ingress.map((r) => r.Properties)).toEqual([
      { GroupId: { 'Fn::GetAtt': [instances, 'GroupId'] }, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, SourceSecurityGroupId: { 'Fn::GetAtt': [alb, 'GroupId'] }, Description: 'HTTP from the web tier load balancer only' },
    ]);
  });

  test('HTTP only without a domain: port 80 forwards to the target group, which health-checks GET / for 200; one warning', () => {
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: idOf(t, 'AWS::ElasticLoadBalancingV2::TargetGroup') } }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Name: 'SecurityWorkshop-web',
      Port: 80,
      Protocol: 'HTTP',
      TargetType: 'instance',
      HealthCheckPath: '/',
      HealthCheckProtocol: 'HTTP',
      Matcher: { HttpCode: '200' },
    });
    t.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    t.resourceCountIs('AWS::Route53::RecordSet', 0);
    expect(warningsOf(DAY2).filter((w) => /domainName and hostedZoneId/.test(w))).toEqual([
      'domainName and hostedZoneId are not set: the web tier listens on HTTP (port 80) only, without a certificate. ' +
        'Set both (-c domainName=web.example.com -c hostedZoneId=Z...) for HTTPS with an ACM certificate, as the workshop text does. [ack: workshop:web-tier-http-only]',
    ]);
  });

  test('HTTPS with a domain: DNS-validated certificate, 443 with the TLS 1.3 policy, 80 redirects, alias record; no warning', () => {
    const h = templateOf(DAY2_HTTPS);
    h.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'web.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'web.example.com', HostedZoneId: 'Z0123456789ABCDEFGHIJ' }],
    });
    const cert = idOf(h, 'AWS::CertificateManager::Certificate');
    const tg = idOf(h, 'AWS::ElasticLoadBalancingV2::TargetGroup');
    h.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    h.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      Certificates: [{ CertificateArn: { Ref: cert } }],
      DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: tg } }],
    });
    h.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
    const lb = idOf(h, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    h.hasResourceProperties('AWS::Route53::RecordSet', {
      HostedZoneId: 'Z0123456789ABCDEFGHIJ',
      Name: 'web.example.com',
      Type: 'A',
      AliasTarget: { DNSName: { 'Fn::GetAtt': [lb, 'DNSName'] }, HostedZoneId: { 'Fn::GetAtt': [lb, 'CanonicalHostedZoneID'] }, EvaluateTargetHealth: true },
    });
    const alb = h.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupName: 'SecurityWorkshop-web-alb' } });
    expect(Object.values(alb)[0].Properties.SecurityGroupIngress.map((r: any) => r.FromPort)).toEqual([80, 443]);
    expect(h.toJSON().Outputs.WebTierUrl.Value).toBe('https://web.example.com');
    expect(warningsOf(DAY2_HTTPS).filter((w) => /domainName and hostedZoneId/.test(w))).toEqual([]);
  });

  test('web ACL: regional, on the load balancer, blocked hosts first then the three managed groups, logging to aws-waf-logs-', () => {
    const [acl] = Object.values(t.findResources('AWS::WAFv2::WebACL'));
    expect(acl.Properties).toMatchObject({ Name: 'SecurityWorkshop-web', Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
    const rules = acl.Properties.Rules;
    expect(rules.map((r: any) => [r.Priority, r.Name])).toEqual([
      [0, 'BlockedHosts'],
      [1, 'AWSManagedRulesCommonRuleSet'],
      [2, 'AWSManagedRulesKnownBadInputsRuleSet'],
      [3, 'AWSManagedRulesAmazonIpReputationList'],
    ]);
    expect(rules[0]).toMatchObject({ Action: { Block: {} }, Statement: { IPSetReferenceStatement: { Arn: { 'Fn::GetAtt': [idOf(t, 'AWS::WAFv2::IPSet'), 'Arn'] } } } });
    for (const rule of rules.slice(1)) expect(rule).toMatchObject({ OverrideAction: { None: {} }, Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: rule.Name } } });
    const aclId = idOf(t, 'AWS::WAFv2::WebACL');
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { Ref: idOf(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer') },
      WebACLArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: 'aws-waf-logs-SecurityWorkshop-web', RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': ['Key9BCD29C7', 'Arn'] } });
    const [logging] = Object.values(t.findResources('AWS::WAFv2::LoggingConfiguration'));
    expect(logging.Properties.ResourceArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(JSON.stringify(logging.Properties.LogDestinationConfigs)).toContain(':log-group:aws-waf-logs-SecurityWorkshop-web"');
  });

  test('outputs: the URL, the load balancer DNS name, the web ACL', () => {
    const outputs = t.toJSON().Outputs;
    const lb = idOf(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(outputs.WebTierUrl.Value).toEqual({ 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [lb, 'DNSName'] }]] });
    expect(outputs.LoadBalancerDnsName.Value).toEqual({ 'Fn::GetAtt': [lb, 'DNSName'] });
    expect(outputs.WebAclArn.Value).toEqual({ 'Fn::GetAtt': [idOf(t, 'AWS::WAFv2::WebACL'), 'Arn'] });
  });
});

describe('web tier settings', () => {
  test('defaults: 2 to 3 t3.micro instances, no domain', () => {
    const c = load({});
    expect(c.webTier).toEqual({ minCapacity: 2, maxCapacity: 3, instanceType: 't3.micro' });
    expect(c.domainName).toBeUndefined();
    expect(c.hostedZoneId).toBeUndefined();
  });

  test('valid values load as given', () => {
    const c = load({ webTierMinCapacity: '3', webTierMaxCapacity: '6', webTierInstanceType: 't3.small', domainName: 'web.example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' });
    expect(c.webTier).toEqual({ minCapacity: 3, maxCapacity: 6, instanceType: 't3.small' });
    expect(c.domainName).toBe('web.example.com');
  });

  test.each([
    [{ webTierMinCapacity: '1' }, 'webTierMinCapacity=1: must be a whole number from 2 (instances in two zones at least) to 12'],
    [{ webTierMaxCapacity: '13' }, 'webTierMaxCapacity=13: must be a whole number from 2 to 12, and at least webTierMinCapacity'],
    [{ webTierMinCapacity: '4', webTierMaxCapacity: '3' }, 'webTierMaxCapacity=3: must be at least webTierMinCapacity (4)'],
    [{ webTierInstanceType: 't4g.micro' }, 'webTierInstanceType="t4g.micro": must be an x86_64 instance type'],
    [{ domainName: 'Web.Example.com', hostedZoneId: 'Z0123' }, 'domainName="Web.Example.com": must be a lower-case DNS name of two labels or more'],
    [{ domainName: 'web.example.com', hostedZoneId: 'z0123abc' }, 'hostedZoneId="z0123abc": must be a Route 53 hosted zone id: Z followed by upper-case letters and digits'],
    [{ domainName: 'web.example.com' }, 'hostedZoneId=undefined: must be set together with domainName (HTTPS needs the domain and its public hosted zone), or leave both unset for HTTP only'],
    [{ hostedZoneId: 'Z0123' }, 'domainName=undefined: must be set together with hostedZoneId'],
    [{ day2: 'true', parts: 'identity,compute' }, 'compute needs network'],
    [{ day2: 'true', parts: 'detection' }, 'parts=["detection"]: day2=true needs identity and network: add identity,network to the list'],
    [{ day2: 'true', stackPrefix: 'A-very-long-workshop-room-name' }, 'stackPrefix="A-very-long-workshop-room-name": gives the day-2 load balancer name "A-very-long-workshop-room-name-web" of 34 characters; Elastic Load Balancing allows at most 32'],
  ])('%j throws naming the setting, the value and what is allowed', (context, message) => {
    expect(() => load(context)).toThrow(WorkshopConfigError);
    expect(() => load(context)).toThrow(message);
  });

  test('a long stack prefix is fine on day 1 (no load balancer to name)', () => {
    expect(() => load({ stackPrefix: 'A-very-long-workshop-room-name' })).not.toThrow();
  });
});

test('cdk-nag: day 2 with HTTPS synthesizes with no unacknowledged finding (synth throws on any)', () => {
  expect(() => synthesized(DAY2_HTTPS)).not.toThrow();
});
