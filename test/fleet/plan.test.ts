import type { StackInstanceSummary } from '@aws-sdk/client-cloudformation';
import { estimateFleetSeconds, waves } from '../../scripts/fleet/deploy';
import { planInstances, sameTemplate } from '../../scripts/fleet/stackset';
import { estimateStack, templateGraphs } from '../../scripts/bench/deploy-time';

const room = ['111111111111', '222222222222', '333333333333', '444444444444'].map((accountId, i) => ({ name: `p${i}`, accountId, line: i + 2 }));
const inst = (Account: string, Status: string, DetailedStatus: string, StatusReason?: string): StackInstanceSummary =>
  ({ Account, Region: 'us-east-1', Status, StackInstanceStatus: { DetailedStatus }, StatusReason } as StackInstanceSummary);

test('only missing, failed, outdated or re-parameterised instances are touched', () => {
  const overridesOf = (p: { name: string }) => [{ ParameterKey: 'ParticipantName', ParameterValue: p.name }];
  const plan = planInstances(room, [
    inst('222222222222', 'CURRENT', 'SUCCEEDED'),
    inst('333333333333', 'OUTDATED', 'FAILED', 'Role with name x already exists.'),
    inst('444444444444', 'CURRENT', 'SUCCEEDED'),
    inst('999999999999', 'CURRENT', 'SUCCEEDED'),
  ], 'us-east-1', overridesOf, new Map([
    ['222222222222', [{ ParameterKey: 'ParticipantName', ParameterValue: 'p1' }]],
    ['444444444444', [{ ParameterKey: 'ParticipantName', ParameterValue: 'someone-else' }]],
  ]));
  expect(plan.map((p) => [p.participant.name, p.action, p.why])).toEqual([
    ['p0', 'create', 'no stack instance yet'],
    ['p1', 'keep', 'CURRENT with the same template and overrides'],
    ['p2', 'update', 'instance OUTDATED/FAILED: Role with name x already exists.'],
    ['p3', 'update', 'parameter overrides changed'],
  ]);
});

test('sameTemplate ignores whitespace, not content', () => {
  expect(sameTemplate('{ "Resources": {} }', '{"Resources":{}}')).toBe(true);
  expect(sameTemplate('{"Resources":{"A":1}}', '{"Resources":{}}')).toBe(false);
  expect(sameTemplate(undefined, '{}')).toBe(false);
});

test('waves of the max concurrency, and the wall time estimate from scripts/bench/deploy-time', () => {
  expect(waves(30, 100)).toEqual({ concurrent: 30, waves: 1 });
  expect(waves(30, 25)).toEqual({ concurrent: 7, waves: 5 });
  expect(waves(3, 10)).toEqual({ concurrent: 1, waves: 3 });
  expect(waves(0, 100)).toEqual({ concurrent: 1, waves: 0 });
  const template = { Resources: { Vpc: { Type: 'AWS::EC2::VPC' }, Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' } } } } };
  const one = estimateStack(templateGraphs([{ name: 'S', template }])[0]).seconds;
  expect(estimateFleetSeconds(template, 'S', 30, 25)).toEqual({ perInstance: one, concurrent: 7, waves: 5, seconds: 5 * one });
});
