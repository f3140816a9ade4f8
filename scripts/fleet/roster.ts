/**
 * The room's roster: a CSV file `participant,accountId,email`, one participant per line (a header
 * line naming the columns, blank lines and `#` comments are skipped). Every problem is collected
 * and thrown together as a RosterError, so an organiser fixes the file in one go.
 *
 * Stand-in until lib/config/roster.ts lands (same contract: RosterError with `problems`); swap the
 * body of parseRoster for a call to it then.
 */
import * as fs from 'node:fs';

export interface Participant {
  /** The participant's name (their environment's ParticipantName: `<name>-RO` user ...). */
  readonly name: string;
  readonly accountId: string;
  readonly email?: string;
  /** 1-based line of the roster file. */
  readonly line: number;
}

export class RosterError extends Error {
  constructor(readonly problems: string[], source = 'roster') {
    super(`${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RosterError';
  }
}

const NAME = /^[A-Za-z][A-Za-z0-9-]{0,31}$/;
const ACCOUNT = /^\d{12}$/;
const EMAIL = /^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/;

/** Parses roster text; throws RosterError listing every bad line. */
export function parseRoster(text: string, source = 'roster'): Participant[] {
  const problems: string[] = [];
  const participants: Participant[] = [];
  const names = new Map<string, number>();
  const accounts = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (!content || content.startsWith('#')) return;
    const cells = content.split(',').map((c) => c.trim());
    if (participants.length === 0 && problems.length === 0 && cells[0].toLowerCase() === 'participant') return; // header
    if (cells.length < 2 || cells.length > 3) {
      problems.push(`line ${line}: expected participant,accountId,email, got ${JSON.stringify(content)}`);
      return;
    }
    const [name, accountId, email] = cells;
    const before = problems.length;
    if (!NAME.test(name)) problems.push(`line ${line}: participant ${JSON.stringify(name)} must start with a letter and have 1-32 letters, digits or hyphens`);
    if (!ACCOUNT.test(accountId)) problems.push(`line ${line}: account ${JSON.stringify(accountId)} is not a 12-digit AWS account id`);
    if (email && !EMAIL.test(email)) problems.push(`line ${line}: email ${JSON.stringify(email)} is not an email address`);
    if (names.has(name)) problems.push(`line ${line}: participant ${name} already on line ${names.get(name)}`);
    if (accounts.has(accountId)) problems.push(`line ${line}: account ${accountId} already on line ${accounts.get(accountId)} (one participant per account)`);
    names.set(name, names.get(name) ?? line);
    accounts.set(accountId, accounts.get(accountId) ?? line);
    if (problems.length === before) participants.push({ name, accountId, email: email || undefined, line });
  });
  if (problems.length === 0 && participants.length === 0) problems.push('no participants (expected lines participant,accountId,email)');
  if (problems.length) throw new RosterError(problems, source);
  return participants;
}

/** The roster file, parsed. */
export function readRoster(file: string): Participant[] {
  if (!fs.existsSync(file)) throw new RosterError([`no such file: ${file}`], file);
  return parseRoster(fs.readFileSync(file, 'utf8'), file);
}
