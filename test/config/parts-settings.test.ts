/**
 * The `parts` setting: -c parts=identity,network synthesizes only those parts (and their outputs);
 * a list with an unknown part, or without a part another needs, is refused naming the dependency.
 * verify then expects only the deployed parts' rows.
 */
import { loadConfig } from '../../lib/config/load-config';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import { expectedRows } from '../../scripts/verify/expected';
import { synthWorkshop } from '../support/synth';

const load = (context: Record<string, unknown>) => () => loadConfig((k) => context[k]);

test('default: all five day-1 parts', () => {
  expect(loadConfig(() => undefined).parts).toEqual(['identity', 'network', 'compute', 'detection', 'investigation']);
});

test('-c parts=identity,network synthesizes identity and network only, with their outputs', () => {
  const { stack, template } = synthWorkshop({ parts: 'identity,network' });
  expect(stack.config.parts).toEqual(['identity', 'network']);
  expect([stack.identity, stack.network].every(Boolean)).toBe(true);
  expect([stack.compute, stack.detection, stack.investigation]).toEqual([undefined, undefined, undefined]);
  const types = new Set(Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type));
  for (const t of ['AWS::EC2::VPC', 'AWS::EC2::NatGateway', 'AWS::EC2::FlowLog', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::InstanceProfile']) expect(types).toContain(t);
  for (const t of ['AWS::EC2::Instance', 'AWS::CloudTrail::Trail', 'AWS::Athena::WorkGroup', 'AWS::CloudWatch::Alarm']) expect(types).not.toContain(t);
  template.resourceCountIs('AWS::EC2::Subnet', 6);
  template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16', Tags: [{ Key: 'Name', Value: 'VPC-10-0-0-0' }, { Key: 'workshop', Value: 'aws-security-logging-monitoring-ir' }, { Key: 'workshop-participant', Value: { Ref: 'ParticipantName' } }] });
  // AlarmEmail and its condition belong to investigation: left out with it (an unused parameter is a CloudFormation warning).
  expect(Object.keys(template.toJSON().Parameters).filter((p) => !p.startsWith('BootstrapVersion')).sort()).toEqual(['ParticipantName', 'TrustedAccountId']);
  expect(Object.keys(template.toJSON().Conditions)).toEqual(['TrustsAnotherAccount']);
  expect(Object.keys(template.toJSON().Outputs).sort()).toEqual(
    ['CrossAccountRoleArn', 'FlowLogBucketName', 'FlowLogGroupName', 'ReadOnlyUserName', 'ReadOnlyUserPassword', 'ReadOnlyUserSignInUrl', 'SsmInstanceProfileName', 'SwitchRoleUrl', 'VpcId'],
  );
});

test.each([
  ['compute without network and identity', 'compute', /parts=\["compute"\]: compute needs identity and network/],
  ['compute without network', 'identity,compute', /parts=\["identity","compute"\]: compute needs network/],
  ['investigation without network', 'identity,investigation', /investigation needs network/],
  ['an unknown part', 'identity,vpc', /parts=\["identity","vpc"\]: "vpc" is not a part: must list parts of identity, network, compute, detection, investigation/],
  ['a part twice', 'network,network', /parts=\["network","network"\]: must name each part once/],
])('refused: %s', (_what, parts, message) => {
  expect(load({ parts })).toThrow(message);
});

test('an empty list is refused: an empty -c value is a mistake, not the default', () => {
  expect(load({ parts: [] })).toThrow(/parts="": an empty value is not the default/);
  expect(() => loadConfig((k) => (k === 'parts' ? '' : undefined))).toThrow(/parts="": an empty value is not the default/);
});

test('verify expects only the deployed parts: no instance, trail or workgroup rows with parts=identity,network', () => {
  const target = { account: '123456789012', partition: 'aws' };
  const kinds = (parts: string[]) => new Set(expectedRows({ ...WORKSHOP_DEFAULTS, parts: parts as never }, target).map((r) => r.kind));
  const some = kinds(['identity', 'network']);
  expect([...some].sort()).toEqual(['bucket', 'flowLog', 'iamGroup', 'iamRole', 'iamUser', 'instanceProfile', 'internetGateway', 'logGroup', 'natGateway', 'routeTable', 'stack', 'subnet', 'vpc']);
  expect(kinds(['identity', 'network', 'compute', 'detection', 'investigation'])).toContain('trail');
});
