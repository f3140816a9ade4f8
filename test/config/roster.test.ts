import { parseRoster, RosterError } from '../../lib/config/roster';

/** The problems a roster text is refused with (fails the test if it is accepted). */
function problems(text: string): string[] {
  try {
    parseRoster(text);
  } catch (e) {
    if (e instanceof RosterError) return e.problems;
    throw e;
  }
  throw new Error('the roster was accepted');
}

describe('roster', () => {
  test('parses participants, accounts and optional emails; trims cells; skips blank and # lines', () => {
    const text = [
      '# room 1, 2 December',
      'participant,accountId,email',
      ' alice , 111122223333 , alice@example.com ',
      '',
      '   # bob has no mail',
      'bob,444455556666,',
      'carol,777788889999',
      '',
    ].join('\n');
    expect(parseRoster(text)).toEqual([
      { participant: 'alice', accountId: '111122223333', email: 'alice@example.com', line: 3 },
      { participant: 'bob', accountId: '444455556666', line: 6 },
      { participant: 'carol', accountId: '777788889999', line: 7 },
    ]);
  });

  test('the email column may be left out; CRLF line ends and a byte order mark are fine', () => {
    expect(parseRoster('\uFEFFparticipant,accountId\r\nalice,111122223333\r\n')).toEqual([{ participant: 'alice', accountId: '111122223333', line: 2 }]);
  });

  test('the header is required, case-sensitive, in order', () => {
    expect(problems('alice,111122223333\n')).toEqual([
      'line 1: the header is "alice,111122223333": must be participant,accountId,email or participant,accountId (case-sensitive, in this order)',
    ]);
    expect(problems('# roster\nParticipant,AccountId,Email\nalice,111122223333\n')).toEqual([
      'line 2: the header is "Participant,AccountId,Email": must be participant,accountId,email or participant,accountId (case-sensitive, in this order)',
    ]);
    expect(problems('accountId,participant\n')).toEqual([
      'line 1: the header is "accountId,participant": must be participant,accountId,email or participant,accountId (case-sensitive, in this order)',
    ]);
  });

  test('an empty roster, or one without participants, is refused', () => {
    expect(problems('\n# nothing\n')).toEqual(['the roster is empty: the first line must be the header participant,accountId,email (email optional)']);
    expect(problems('participant,accountId,email\n')).toEqual([
      'the roster has a header but no participant: add lines such as alice,111122223333,alice@example.com',
    ]);
  });

  test('every problem at once, each with line, column, value and what is allowed', () => {
    const text = [
      'participant,accountId,email',
      'alice,111122223333,alice@example.com',
      'bob smith,44445555666,bob@example',
      'alice,111122223333,',
      ',777788889999,carol@example.com',
      'dave,888899990000,dave@example.com,extra',
      'x'.repeat(33) + ',999900001111',
    ].join('\n');
    expect(problems(text)).toEqual([
      'line 3, participant "bob smith": must be 1-32 characters of A-Z a-z 0-9 + = , . @ _ - (the participantName setting: IAM names)',
      'line 3, accountId "44445555666": must be a 12-digit AWS account id',
      'line 3, email "bob@example": must be an email address such as secops@example.com, or empty for no alarm mails',
      'line 4, participant "alice": must be unique: already on line 2',
      'line 4, accountId "111122223333": must be unique: already on line 2 (one participant per account)',
      'line 5, participant "": must be 1-32 characters of A-Z a-z 0-9 + = , . @ _ - (the participantName setting: IAM names)',
      'line 6: 4 cells: must have at most 3, one per column of the header (participant,accountId,email); values have no commas',
      `line 7, participant "${'x'.repeat(33)}": must be 1-32 characters of A-Z a-z 0-9 + = , . @ _ - (the participantName setting: IAM names)`,
    ]);
  });

  test('the error message lists the problems', () => {
    expect(() => parseRoster('participant,accountId\nalice,1\n')).toThrow(
      'Invalid roster:\n  - line 2, accountId "1": must be a 12-digit AWS account id',
    );
  });

  test('an email in a roster without the email column is refused', () => {
    expect(problems('participant,accountId\nalice,111122223333,alice@example.com\n')).toEqual([
      'line 2: 3 cells: must have at most 2, one per column of the header (participant,accountId); values have no commas',
    ]);
  });
});
