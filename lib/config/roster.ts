/**
 * The roster of a room: who the participants are, which account each one gets, and where the
 * alarm mails go. A CSV file, checked before anything is deployed with the same rules as the
 * settings (the values become the template's ParticipantName, TrustedAccountId ... parameters):
 *
 *   participant,accountId,email
 *   # comments and blank lines are ignored
 *   alice,111122223333,alice@example.com
 *   bob,444455556666
 *
 * Pure: the fleet commands read the file, this module parses and checks the text. Every
 * problem names the line, the column, the value and what is allowed; all are reported at once.
 */
import { ACCOUNT_ID_PATTERN, EMAIL_MAX_LENGTH, EMAIL_PATTERN, PARTICIPANT_NAME_PATTERN } from './validate-config';

/** The header, exactly (case-sensitive); the email column is optional. */
export const ROSTER_COLUMNS = ['participant', 'accountId', 'email'] as const;
export const ROSTER_HEADER = ROSTER_COLUMNS.join(',');

export interface RosterEntry {
  /** The participant's name: the ParticipantName parameter in their account. */
  readonly participant: string;
  /** The participant's AWS account (12 digits). */
  readonly accountId: string;
  /** Alarm mails (the AlarmEmail parameter); undefined when the cell is empty or absent. */
  readonly email?: string;
  /** Line number in the file (1-based), for messages. */
  readonly line: number;
}

export class RosterError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid roster:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RosterError';
  }
}

const ALLOWED = {
  participant: 'must be 1-32 characters of A-Z a-z 0-9 + = , . @ _ - (the participantName setting: IAM names)',
  accountId: 'must be a 12-digit AWS account id',
  email: 'must be an email address such as secops@example.com, or empty for no alarm mails',
} as const;

/** Comment lines start with # (after optional blanks). */
const isSkipped = (line: string) => line.trim() === '' || line.trim().startsWith('#');

/**
 * Parses and checks roster CSV text. Cells are split on commas (names, account ids and email
 * addresses have none) and trimmed. Throws RosterError with every problem.
 */
export function parseRoster(text: string): RosterEntry[] {
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => !isSkipped(l));
  if (headerIndex < 0) throw new RosterError([`the roster is empty: the first line must be the header ${ROSTER_HEADER} (email optional)`]);

  const header = lines[headerIndex].split(',').map((c) => c.trim());
  const headerOk = header.length >= 2 && header.length <= 3 && header.every((c, i) => c === ROSTER_COLUMNS[i]);
  if (!headerOk) {
    throw new RosterError([
      `line ${headerIndex + 1}: the header is ${JSON.stringify(lines[headerIndex].trim())}: must be ${ROSTER_HEADER} or participant,accountId (case-sensitive, in this order)`,
    ]);
  }
  const hasEmail = header.length === 3;

  const entries: RosterEntry[] = [];
  const firstLineOf = { participant: new Map<string, number>(), accountId: new Map<string, number>() };
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (isSkipped(lines[i])) continue;
    const line = i + 1;
    const cells = lines[i].split(',').map((c) => c.trim());
    const bad = (column: string, value: string, allowed: string) => problems.push(`line ${line}, ${column} ${JSON.stringify(value)}: ${allowed}`);
    if (cells.length > header.length) {
      problems.push(`line ${line}: ${cells.length} cells: must have at most ${header.length}, one per column of the header (${header.join(',')}); values have no commas`);
      continue;
    }
    const [participant = '', accountId = '', email = ''] = cells;
    let ok = true;
    if (!PARTICIPANT_NAME_PATTERN.test(participant)) {
      bad('participant', participant, ALLOWED.participant);
      ok = false;
    }
    if (!ACCOUNT_ID_PATTERN.test(accountId)) {
      bad('accountId', accountId, ALLOWED.accountId);
      ok = false;
    }
    if (hasEmail && email !== '' && (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email))) {
      bad('email', email, ALLOWED.email);
      ok = false;
    }
    for (const [column, value] of [['participant', participant], ['accountId', accountId]] as const) {
      if (value === '') continue;
      const first = firstLineOf[column].get(value);
      if (first !== undefined) {
        bad(column, value, `must be unique: already on line ${first}${column === 'accountId' ? ' (one participant per account)' : ''}`);
        ok = false;
      } else firstLineOf[column].set(value, line);
    }
    if (ok) entries.push({ participant, accountId, ...(email !== '' ? { email } : {}), line });
  }
  if (problems.length === 0 && entries.length === 0) problems.push(`the roster has a header but no participant: add lines such as alice,111122223333,alice@example.com`);
  if (problems.length > 0) throw new RosterError(problems);
  return entries;
}
