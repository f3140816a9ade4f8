/**
 * scripts/bench/deploy-time.ts: dependency extraction, the critical path of a stack, and scheduling
 * stacks in series or side by side. Pure: no AWS, no CDK, no emulator. Expected seconds are written
 * out from the create-times table (Role 15, InstanceProfile 120, Instance 30, VPC 10, Subnet 5,
 * LogGroup 3, S3 Bucket 20; 10 s per stack).
 */
import {
  estimateAssembly,
  estimateStack,
  resourceDependencies,
  scheduleStacks,
  templateGraphs,
} from '../../scripts/bench/deploy-time';
import { FIVE_STACKS_FIXTURE, readFixture } from '../../scripts/bench/fixture';

const ids = new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'local']);

describe('resourceDependencies', () => {
  test('DependsOn as a string and as a list', () => {
    expect(resourceDependencies({ DependsOn: 'B' }, ids)).toEqual(['B']);
    expect(resourceDependencies({ DependsOn: ['C', 'A'] }, ids)).toEqual(['A', 'C']);
  });

  test('Ref, Fn::GetAtt in both forms and Fn::Sub, nested anywhere in Properties', () => {
    const properties = {
      Name: { Ref: 'A' },
      Arn: { 'Fn::GetAtt': ['B', 'Arn'] },
      Url: { 'Fn::GetAtt': 'C.WebsiteURL' },
      Policy: { Statement: [{ Resource: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['D', 'Arn'] }, '/*']] }] }] },
      UserData: { 'Fn::Base64': { 'Fn::Sub': 'echo ${E} ${F.Arn} ${ E }' } },
      Tags: [{ Key: 'k', Value: { 'Fn::Sub': ['${H}-${local}', { local: { Ref: 'I' } }] } }],
    };
    expect(resourceDependencies({ Properties: properties }, ids)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'H', 'I']);
  });

  test('parameters, pseudo parameters, Sub variables and ${!literals} are not edges', () => {
    const properties = {
      A: { Ref: 'BootstrapVersion' },
      B: { Ref: 'AWS::Region' },
      C: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${BucketParam}-${AWS::AccountId}/${!G}' },
      D: { 'Fn::Sub': ['${local}', { local: 'x' }] },
      E: { 'Fn::Select': [0, { 'Fn::GetAZs': { Ref: 'AWS::Region' } }] },
    };
    expect(resourceDependencies({ Properties: properties }, ids)).toEqual([]);
  });
});

describe('estimateStack', () => {
  test('the longest chain of typical create times plus 10 s, and the chain itself', () => {
    const template = {
      Parameters: { Ami: { Type: 'String' } },
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: {} },
        Profile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: 'Role' }] } },
        Vpc: { Type: 'AWS::EC2::VPC', Properties: {} },
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' } } },
        Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
        Instance: {
          Type: 'AWS::EC2::Instance',
          Properties: {
            ImageId: { Ref: 'Ami' },
            IamInstanceProfile: { Ref: 'Profile' },
            SubnetId: { Ref: 'Subnet' },
            UserData: { 'Fn::Base64': { 'Fn::Sub': 'aws s3 ls ${Bucket} # ${AWS::StackName}' } },
          },
        },
        Logs: { Type: 'AWS::Logs::LogGroup', DependsOn: 'Instance', Properties: {} },
      },
    };
    const [graph] = templateGraphs([{ name: 'Small', template }]);
    expect(graph.resources.Instance.dependsOn).toEqual(['Bucket', 'Profile', 'Subnet']);
    const e = estimateStack(graph);
    expect(e.seconds).toBe(178); // 15 + 120 + 30 + 3 + 10
    expect(e.resources).toBe(7);
    expect(e.criticalPath).toEqual([
      { id: 'Role', type: 'AWS::IAM::Role', seconds: 15 },
      { id: 'Profile', type: 'AWS::IAM::InstanceProfile', seconds: 120 },
      { id: 'Instance', type: 'AWS::EC2::Instance', seconds: 30 },
      { id: 'Logs', type: 'AWS::Logs::LogGroup', seconds: 3 },
    ]);
  });

  test('a dependency cycle is an error, not a number', () => {
    const graph = { name: 'Loop', dependencies: [], resources: { A: { type: 'AWS::IAM::Role', dependsOn: ['B'] }, B: { type: 'AWS::IAM::Role', dependsOn: ['A'] } } };
    expect(() => estimateStack(graph)).toThrow(/cycle/);
  });
});

describe('several stacks', () => {
  test('scheduleStacks: in series, side by side, and the concurrency limit', () => {
    const stacks = [
      { name: 'C', dependencies: ['A'], seconds: 30 },
      { name: 'A', dependencies: [], seconds: 100 },
      { name: 'B', dependencies: ['SomeAssets'], seconds: 50 },
    ];
    expect(scheduleStacks(stacks, 1)).toEqual({
      seconds: 180,
      stacks: [{ name: 'A', start: 0, end: 100 }, { name: 'C', start: 100, end: 130 }, { name: 'B', start: 130, end: 180 }],
    });
    expect(scheduleStacks(stacks, 2).seconds).toBe(130); // A and B at 0, C once A is done
    expect(scheduleStacks(stacks, 3).seconds).toBe(130);
    const independent = stacks.map((s) => ({ ...s, dependencies: [] }));
    expect(scheduleStacks(independent, 2).seconds).toBe(100); // C waits for a free slot: 50 .. 80
    expect(scheduleStacks(independent, 3).seconds).toBe(100);
  });

  test('three templates: Fn::ImportValue and manifest dependencies order the stacks; in series, --concurrency 3, one template', () => {
    const identity = {
      Resources: { Role: { Type: 'AWS::IAM::Role' }, Profile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: 'Role' }] } } },
      Outputs: { P: { Value: { Ref: 'Profile' }, Export: { Name: 'Identity:Profile' } } },
    };
    const network = {
      Resources: { Vpc: { Type: 'AWS::EC2::VPC' }, Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' } } } },
      Outputs: { S: { Value: { Ref: 'Subnet' }, Export: { Name: 'Network:Subnet' } } },
    };
    const compute = {
      Resources: {
        Server: {
          Type: 'AWS::EC2::Instance',
          Properties: { IamInstanceProfile: { 'Fn::ImportValue': 'Identity:Profile' }, SubnetId: { 'Fn::ImportValue': 'Network:Subnet' } },
        },
      },
    };
    const graphs = templateGraphs([
      { name: 'Identity', template: identity, dependencies: [] },
      { name: 'Network', template: network },
      { name: 'Compute', template: compute, dependencies: ['Compute.assets', 'Network'] },
    ]);
    expect(graphs[2].dependencies).toEqual(['Identity', 'Network']);
    expect(graphs[2].resources.Server.imports).toEqual(['Identity/Profile', 'Network/Subnet']);

    const e = estimateAssembly(graphs, 3);
    expect(e.stacks.map((s) => s.seconds)).toEqual([145, 25, 40]); // 15 + 120 + 10; 10 + 5 + 10; 30 + 10
    expect(e.series.seconds).toBe(210);
    expect(e.concurrent.seconds).toBe(185); // Identity and Network side by side, then Compute
    expect(e.oneTemplate.seconds).toBe(175); // Role 15 -> Profile 120 -> Server 30, + 10
    expect(e.oneTemplate.criticalPath.map((p) => p.id)).toEqual(['Role', 'Profile', 'Server']);
  });

  test('the five-stack fixture: in series longer than with --concurrency 3, both above 0; the estimator prints nothing', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const fixture = readFixture(FIVE_STACKS_FIXTURE);
      expect(fixture.source.commit).toMatch(/^[0-9a-f]{40}/);
      expect(fixture.stacks).toHaveLength(5);
      const e = estimateAssembly(fixture.stacks, 3);
      expect(e.concurrent.seconds).toBeGreaterThan(0);
      expect(e.series.seconds).toBeGreaterThan(e.concurrent.seconds);
      expect(e.concurrent.seconds).toBeGreaterThan(e.oneTemplate.seconds);
      expect(log).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      warn.mockRestore();
    }
  });
});
