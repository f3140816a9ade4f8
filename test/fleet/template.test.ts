import { participantOverrides, stackSetParameters, templateBody } from '../../scripts/fleet/template';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';

const alice = { name: 'alice', accountId: '111111111111', email: 'alice@example.com', line: 2 };

test('overrides: the name and email of the participant, the configured trusted account; empty values left to the StackSet', () => {
  const config = { ...WORKSHOP_DEFAULTS, trustedAccountId: '999999999999' };
  expect(participantOverrides(alice, config)).toEqual([
    { ParameterKey: 'ParticipantName', ParameterValue: 'alice' },
    { ParameterKey: 'AlarmEmail', ParameterValue: 'alice@example.com' },
    { ParameterKey: 'TrustedAccountId', ParameterValue: '999999999999' },
  ]);
  // No email on the roster and none configured: the template's default stays.
  expect(participantOverrides({ ...alice, email: undefined }, WORKSHOP_DEFAULTS)).toEqual([{ ParameterKey: 'ParticipantName', ParameterValue: 'alice' }]);
});

test('the StackSet specifies every per-participant parameter (AWS: an instance overrides only those), at the template defaults', () => {
  const t = { Parameters: { ParticipantName: { Type: 'String', Default: 'workshop' }, AlarmEmail: { Type: 'String', Default: '' }, TrustedAccountId: { Type: 'String', Default: '' } } };
  expect(stackSetParameters(t)).toEqual([
    { ParameterKey: 'ParticipantName', ParameterValue: 'workshop' },
    { ParameterKey: 'AlarmEmail', ParameterValue: '' },
    { ParameterKey: 'TrustedAccountId', ParameterValue: '' },
  ]);
  expect(() => stackSetParameters({ Resources: {} })).toThrow('The template has no parameter ParticipantName');
});

test('templateBody measures bytes (the 51,200-byte inline limit)', () => {
  const b = templateBody({ Resources: { A: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'é' } } } });
  expect(b.bytes).toBe(Buffer.byteLength(b.body));
  expect(b.sha256).toMatch(/^[0-9a-f]{64}$/);
});
