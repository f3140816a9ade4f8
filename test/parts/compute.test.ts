import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { loadConfig } from '../../lib/config/load-config';
import { NO_UPDATES_CLOUD_CONFIG } from '../../lib/parts/compute/no-updates';
import { idOf, templateOf } from '../support/synthesized';

function instanceNamed(t: Template, name: string) {
  const found = Object.values(t.findResources('AWS::EC2::Instance', { Properties: { Tags: Match.arrayWith([{ Key: 'Name', Value: name }]) } }));
  expect(found).toHaveLength(1);
  return found[0].Properties;
}

/** The SSM parameter name behind an instance's ImageId: a GetAtt of the pinned-images custom resource. */
function amiParameter(t: Template, props: { ImageId: { 'Fn::GetAtt': [string, string] } }): string {
  const [resource, key] = props.ImageId['Fn::GetAtt'];
  const pinned = t.toJSON().Resources[resource];
  expect(pinned.Type).toBe('Custom::PinnedImages');
  return pinned.Properties.Parameters[key];
}

describe('compute part', () => {
  const t = templateOf();

  test('three instances, no key pairs', () => {
    t.resourceCountIs('AWS::EC2::Instance', 3);
    for (const r of Object.values(t.findResources('AWS::EC2::Instance'))) expect(r.Properties.KeyName).toBeUndefined();
  });

  test.each(['webserver-001-default-vpc', 'Ubuntu-instance-001-no-updates', 'Windows-instance-001'])(
    '%s: IMDSv2 required, encrypted EBS, ROLE-AmazonEC2RoleforSSM instance profile',
    (name) => {
      const p = instanceNamed(t, name);
      expect(p.MetadataOptions).toEqual({ HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 });
      expect(p.BlockDeviceMappings[0].Ebs).toMatchObject({ Encrypted: true, VolumeType: 'gp3' });
      expect(p.IamInstanceProfile).toEqual({ Ref: idOf(t, 'AWS::IAM::InstanceProfile', { InstanceProfileName: 'ROLE-AmazonEC2RoleforSSM' }) });
    },
  );

  test('webserver-001-default-vpc: AL2023, t3.micro, default VPC subnet, public IP, http-world', () => {
    const p = instanceNamed(t, 'webserver-001-default-vpc');
    expect(amiParameter(t, p)).toBe('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64');
    expect(p.InstanceType).toBe('t3.micro');
    const nic = p.NetworkInterfaces[0];
    expect(nic.AssociatePublicIpAddress).toBe(true);
    expect(nic.SubnetId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ComputeDefaultVpcLookup/), 'SubnetId'] });
    const [sgId] = Object.keys(t.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupName: 'http-world' } }));
    expect(nic.GroupSet).toEqual([{ 'Fn::GetAtt': [sgId, 'GroupId'] }]);
  });

  test('http-world allows only TCP 80 from 0.0.0.0/0 in', () => {
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupName: 'http-world',
      VpcId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ComputeDefaultVpcLookup'), 'VpcId'] },
      SecurityGroupIngress: [Match.objectEquals({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0', Description: Match.anyValue() })],
    });
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('webserver user data installs httpd and reads the instance id and AZ through IMDSv2', () => {
    const userData = JSON.stringify(instanceNamed(t, 'webserver-001-default-vpc').UserData);
    expect(userData).toContain('dnf install -y httpd');
    expect(userData).toContain('X-aws-ec2-metadata-token');
    expect(userData).toContain('meta-data/$1');
    expect(userData).toContain('placement/availability-zone');
    expect(userData).toContain('systemctl enable --now httpd');
  });

  test('images pinned per image set: one custom resource reads the three public AMI parameters, no SSM template parameter', () => {
    t.resourceCountIs('Custom::PinnedImages', 1);
    t.hasResourceProperties('Custom::PinnedImages', {
      ImageSet: 'initial',
      Parameters: {
        amazonLinux2023: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        ubuntuLts: '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
        windowsServer: '/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-Base',
      },
    });
    const parameters = Object.values(t.toJSON().Parameters as Record<string, { Type: string }>);
    expect(parameters.filter((p) => p.Type.startsWith('AWS::SSM::Parameter::Value'))).toEqual([]);
    // Its role reads exactly these three parameters.
    const [resource] = Object.values(t.findResources('Custom::PinnedImages'));
    const fn = t.findResources('AWS::Lambda::Function')[resource.Properties.ServiceToken['Fn::GetAtt'][0]];
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    const [policy] = Object.values(t.findResources('AWS::IAM::Policy')).filter((x) => x.Properties.Roles.some((r: { Ref: string }) => r.Ref === role));
    const statements = policy.Properties.PolicyDocument.Statement.filter((s: { Action: string | string[] }) => ![s.Action].flat().some((a) => a.startsWith('logs:')));
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 'ssm:GetParameters',
        Resource: [
          '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
          '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
          '/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-Base',
        ].map((name) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:', { Ref: 'AWS::Region' }, `::parameter${name}`]] })),
      },
    ]);
  });

  test('imageSet: another value reads the images again; a bad value is refused before synth', () => {
    templateOf({ imageSet: '2026-12-01' }).hasResourceProperties('Custom::PinnedImages', { ImageSet: '2026-12-01' });
    for (const bad of ['has space', 'a:b', 'x'.repeat(33)]) {
      expect(() => loadConfig((k) => ({ imageSet: bad })[k])).toThrow(
        `imageSet=${JSON.stringify(bad)}: must be 1 to 32 letters, digits and ._- (a label such as 2026-12-01; change it to launch the instances from newer images)`,
      );
    }
  });

  test('default VPC: tagged Default-VPC by a custom resource, looked up in us-east-1a', () => {
    t.hasResourceProperties('Custom::DefaultVpc', { NameTag: 'Default-VPC', AvailabilityZone: 'us-east-1a' });
  });

  test('Ubuntu-instance-001-no-updates: current Ubuntu LTS, Private-Subnet-a, VPC default SG, updates off', () => {
    const p = instanceNamed(t, 'Ubuntu-instance-001-no-updates');
    expect(amiParameter(t, p)).toBe('/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id');
    expect(p.NetworkInterfaces[0].AssociatePublicIpAddress).toBe(false);
    expect(p.NetworkInterfaces[0].SubnetId).toEqual({ Ref: idOf(t, 'AWS::EC2::Subnet', { CidrBlock: '10.0.4.0/24' }) });
    expect(p.NetworkInterfaces[0].GroupSet).toEqual([{ 'Fn::GetAtt': [idOf(t, 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' }), 'DefaultSecurityGroup'] }]);
  });

  test('Ubuntu-instance-001-no-updates: automatic updates off from first boot by cloud-init, before the apt timers', () => {
    const userData = instanceNamed(t, 'Ubuntu-instance-001-no-updates').UserData;
    expect(userData).toEqual({ 'Fn::Base64': NO_UPDATES_CLOUD_CONFIG });
    // Read as cloud-init reads it: YAML after the #cloud-config line.
    const venv = path.join(__dirname, '..', '..', '.venv', 'bin', 'python');
    const python = fs.existsSync(venv) ? venv : 'python3';
    const run = spawnSync(python, ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'], { input: NO_UPDATES_CLOUD_CONFIG, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(NO_UPDATES_CLOUD_CONFIG.split('\n')[0]).toBe('#cloud-config');
    expect(JSON.parse(run.stdout)).toEqual({
      package_update: false,
      package_upgrade: false,
      package_reboot_if_required: false,
      // bootcmd: cloud-init's init stage, before sysinit.target and so before timers.target.
      bootcmd: [
        `printf 'APT::Periodic::Enable "0";\\nAPT::Periodic::Update-Package-Lists "0";\\nAPT::Periodic::Unattended-Upgrade "0";\\n' > /etc/apt/apt.conf.d/99-workshop-no-updates`,
        'systemctl mask apt-daily.timer apt-daily-upgrade.timer apt-daily.service apt-daily-upgrade.service unattended-upgrades.service',
        'systemctl stop --no-block apt-daily.timer apt-daily-upgrade.timer apt-daily.service apt-daily-upgrade.service unattended-upgrades.service',
      ],
    });
    // No user-data script: it would run in cloud-final, after the timers could have fired.
    expect(NO_UPDATES_CLOUD_CONFIG).not.toMatch(/^#!/m);
    expect(NO_UPDATES_CLOUD_CONFIG).not.toMatch(/runcmd/);
  });

  test('Windows-instance-001: current Windows Server base, Private-Subnet-a, VPC default SG', () => {
    const p = instanceNamed(t, 'Windows-instance-001');
    expect(amiParameter(t, p)).toBe('/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-Base');
    expect(p.InstanceType).toBe('t3.small');
    expect(p.NetworkInterfaces[0].SubnetId).toEqual({ Ref: idOf(t, 'AWS::EC2::Subnet', { CidrBlock: '10.0.4.0/24' }) });
    expect(p.BlockDeviceMappings[0]).toMatchObject({ DeviceName: '/dev/sda1', Ebs: { VolumeSize: 30 } });
  });

  test('outputs: webserver URL and a start-session command per instance', () => {
    const outputs = t.toJSON().Outputs;
    expect(JSON.stringify(outputs.WebserverUrl.Value)).toContain('http://');
    for (const key of ['WebserverSession', 'UbuntuSession', 'WindowsSession']) {
      expect(JSON.stringify(outputs[key].Value)).toContain('aws ssm start-session --target ');
    }
  });

  describe('deploy time: each instance waits only for what it needs', () => {
    const resources = t.toJSON().Resources as Record<string, { Type: string; DependsOn?: string[] }>;
    const routeTo = (cidr: string) => {
      const subnet = idOf(t, 'AWS::EC2::Subnet', { CidrBlock: cidr });
      const assoc = Object.values(t.findResources('AWS::EC2::SubnetRouteTableAssociation')).find((a) => a.Properties.SubnetId.Ref === subnet)!;
      const table = assoc.Properties.RouteTableId.Ref;
      return Object.entries(t.findResources('AWS::EC2::Route')).find(([, r]) => r.Properties.RouteTableId.Ref === table)![0];
    };

    test.each(['Ubuntu-instance-001-no-updates', 'Windows-instance-001'])('%s waits for the NAT route of Private-Subnet-a-10-0-4, and nothing else', (name) => {
      const id = idOf(t, 'AWS::EC2::Instance', { Tags: Match.arrayWith([{ Key: 'Name', Value: name }]) });
      expect(resources[id].DependsOn).toEqual([routeTo('10.0.4.0/24')]);
    });

    test('webserver-001-default-vpc has no DependsOn: it waits only for what it references (instance profile, http-world, the default-VPC lookup)', () => {
      const id = idOf(t, 'AWS::EC2::Instance', { Tags: Match.arrayWith([{ Key: 'Name', Value: 'webserver-001-default-vpc' }]) });
      expect(resources[id].DependsOn).toBeUndefined();
    });
  });
});
