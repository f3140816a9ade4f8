import * as os from 'node:os';
import * as path from 'node:path';
import { parseRoster, readRoster, RosterError } from '../../scripts/fleet/roster';

// The rules themselves are lib/config/roster.ts's (test/config/roster.test.ts); here: what the fleet reads.
test('participant,accountId,email lines as participants; header, blank lines and comments skipped; email optional', () => {
  const roster = parseRoster('participant,accountId,email\n\n# room 1\nalice,111111111111,alice@example.com\r\nbob, 222222222222 ,\n');
  expect(roster).toEqual([
    { name: 'alice', accountId: '111111111111', email: 'alice@example.com', line: 4 },
    { name: 'bob', accountId: '222222222222', email: undefined, line: 5 },
  ]);
});

test('every problem at once, each naming the file and the line', () => {
  let error: RosterError | undefined;
  try {
    parseRoster('participant,accountId,email\nalice,111111111111,alice@example.com\nbob,12345,bob@example.com\nalice,333333333333\n', 'room.csv');
  } catch (e) {
    error = e as RosterError;
  }
  expect(error).toBeInstanceOf(RosterError);
  expect(error!.problems).toEqual([
    'room.csv line 3, accountId "12345": must be a 12-digit AWS account id',
    'room.csv line 4, participant "alice": must be unique: already on line 2',
  ]);
});

test('a roster file that does not exist is named', () => {
  const missing = path.join(os.tmpdir(), 'no-such-roster.csv');
  expect(() => readRoster(missing)).toThrow(`${missing}: no such file`);
});
