/**
 * Which scenarios `npm run cost` prices: a room from its roster (`--roster FILE`: participants =
 * the roster's lines, read with the fleet's roster reader), or `--participants N`, for `--hours H`;
 * both --roster and --participants is a usage error. Pure apart from reading the roster file.
 */
import { numberFlag, ParsedArgs, textFlag, UsageError } from '../operator/args';
import { readRoster } from '../fleet/roster';
import { DEFAULT_SCENARIOS, Scenario } from './report';

export const COST_USAGE = 'usage: npm run cost -- [--participants N | --roster FILE] [--hours H] [--markdown] [-c key=value ...]';

/** The scenarios to print; throws UsageError (both flags) or RosterError (a bad roster). */
export function costScenarios(args: ParsedArgs, participantsOf: (file: string) => number = (f) => readRoster(f).length): Scenario[] {
  const participants = numberFlag(args, 'participants');
  const hours = numberFlag(args, 'hours');
  const roster = textFlag(args, 'roster');
  if (roster !== undefined && participants !== undefined) {
    throw new UsageError('--roster and --participants together: the roster says how many participants there are; give one of them', COST_USAGE);
  }
  if (roster !== undefined) {
    const n = participantsOf(roster);
    const h = hours ?? 1;
    return [
      { participants: 1, hours: h, label: `per participant x ${h} h` },
      { participants: n, hours: h, label: `room ${roster}: ${n} participant${n === 1 ? '' : 's'} x ${h} h` },
    ];
  }
  return participants || hours ? [{ participants: participants ?? 1, hours: hours ?? 1 }] : DEFAULT_SCENARIOS;
}
