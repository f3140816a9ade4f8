/**
 * The room's roster file, read for the fleet commands. Parsing and every check are
 * lib/config/roster.ts's (the same rules as the settings); this adds the file and names it in
 * each problem, so an organiser fixes the file in one go.
 */
import * as fs from 'node:fs';
import { parseRoster as parseRosterText, RosterError } from '../../lib/config/roster';

export { RosterError };

export interface Participant {
  /** The participant's name (their environment's ParticipantName: `<name>-RO` user ...). */
  readonly name: string;
  readonly accountId: string;
  readonly email?: string;
  /** 1-based line of the roster file. */
  readonly line: number;
}

/** Parses roster text; throws RosterError listing every problem, each prefixed with `source`. */
export function parseRoster(text: string, source = 'roster'): Participant[] {
  try {
    return parseRosterText(text).map((e) => ({ name: e.participant, accountId: e.accountId, email: e.email, line: e.line }));
  } catch (e) {
    if (e instanceof RosterError) throw new RosterError(e.problems.map((p) => `${source} ${p}`));
    throw e;
  }
}

/** The roster file, parsed. */
export function readRoster(file: string): Participant[] {
  if (!fs.existsSync(file)) throw new RosterError([`${file}: no such file`]);
  return parseRoster(fs.readFileSync(file, 'utf8'), file);
}
