import { parseRoster, RosterError } from '../../scripts/fleet/roster';

test('participant,accountId,email lines; header, blank lines and comments skipped; email optional', () => {
  const roster = parseRoster('participant,accountId,email\n\n# room 1\nalice,111111111111,alice@example.com\r\nbob, 222222222222 ,\n');
  expect(roster).toEqual([
    { name: 'alice', accountId: '111111111111', email: 'alice@example.com', line: 4 },
    { name: 'bob', accountId: '222222222222', email: undefined, line: 5 },
  ]);
});

test('every bad line at once, with its line number', () => {
  let error: RosterError | undefined;
  try {
    parseRoster('alice,111111111111,alice@example.com\nbob,12345,bob@x\n9lives,222222222222\nalice,333333333333\ncarol,111111111111\njust-one-cell\n', 'room.csv');
  } catch (e) {
    error = e as RosterError;
  }
  expect(error).toBeInstanceOf(RosterError);
  expect(error!.problems).toEqual([
    'line 2: account "12345" is not a 12-digit AWS account id',
    'line 2: email "bob@x" is not an email address',
    'line 3: participant "9lives" must start with a letter and have 1-32 letters, digits or hyphens',
    'line 4: participant alice already on line 1',
    'line 5: account 111111111111 already on line 1 (one participant per account)',
    'line 6: expected participant,accountId,email, got "just-one-cell"',
  ]);
  expect(error!.message).toMatch(/^room.csv: 6 problems:/);
});

test('an empty roster is a problem', () => {
  expect(() => parseRoster('participant,accountId,email\n')).toThrow('no participants');
});
