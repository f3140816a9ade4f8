import { participantOverrides, templateBody, hasParticipantParameter } from '../../scripts/fleet/template';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';

const alice = { name: 'alice', accountId: '111111111111', email: 'alice@example.com', line: 2 };

test('overrides only for the per-participant parameters the template declares', () => {
  const config = { ...WORKSHOP_DEFAULTS, trustedAccountId: '999999999999' };
  expect(participantOverrides({ Resources: {} }, alice, config)).toEqual([]);
  expect(hasParticipantParameter({ Resources: {} })).toBe(false);
  const t = { Parameters: { ParticipantName: { Type: 'String' }, AlarmEmail: { Type: 'String' }, TrustedAccountId: { Type: 'String' } } };
  expect(hasParticipantParameter(t)).toBe(true);
  expect(participantOverrides(t, alice, config)).toEqual([
    { ParameterKey: 'ParticipantName', ParameterValue: 'alice' },
    { ParameterKey: 'AlarmEmail', ParameterValue: 'alice@example.com' },
    { ParameterKey: 'TrustedAccountId', ParameterValue: '999999999999' },
  ]);
  // No email on the roster and none configured: the template's default stays.
  expect(participantOverrides({ Parameters: { AlarmEmail: {} } }, { ...alice, email: undefined }, WORKSHOP_DEFAULTS)).toEqual([]);
});

test('templateBody measures bytes (the 51,200-byte inline limit)', () => {
  const b = templateBody({ Resources: { A: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'é' } } } });
  expect(b.bytes).toBe(Buffer.byteLength(b.body));
  expect(b.sha256).toMatch(/^[0-9a-f]{64}$/);
});
