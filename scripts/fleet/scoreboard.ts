/**
 * `fleet check --roster FILE [--out FILE.html] [--watch]`: `npm run check` in every participant's
 * account (through the fleet's role), as a scoreboard: one row per participant, one column per
 * workshop step, ✓ / ✗ / ◐ / · (done, wrong, in progress, not started); in the terminal and as an
 * HTML page that refreshes itself. --watch checks again every --poll-seconds (until --max-polls
 * or Ctrl-C). Exit 0, or 1 when an account could not be reached.
 */
import * as fs from 'node:fs';
import { checkEnvironment, CheckResult, MARK, StepStatus } from '../check/index';
import { CHECK_STEPS } from '../check/steps';
import { adminClients, AccountOutcome, forEachAccount } from './accounts';
import { participantConfig, InspectOptions } from './inspect';
import { sleep } from './progress';

export interface ScoreboardOptions extends InspectOptions {
  /** HTML page to write (default: none). */
  readonly out?: string;
  /** Check again every intervalMs, maxPolls times in all. */
  readonly watch?: { readonly intervalMs: number; readonly maxPolls: number };
}

export type Board = AccountOutcome<CheckResult>[];

const cellOf = (r: CheckResult, id: string): StepStatus | undefined => r.steps.find((s) => s.step.id === id)?.status;

/** The board as terminal lines: a legend, a header of step ids, a row per participant with its count of done steps. */
export function boardLines(board: Board): string[] {
  const ids = CHECK_STEPS.map((s) => s.id);
  const width = Math.max(11, ...board.map((o) => o.participant.name.length));
  const lines = [
    `Legend: ${MARK.done} done  ${MARK.wrong} wrong  ${MARK['in progress']} in progress  ${MARK['not started']} not started. Steps: ${CHECK_STEPS.map((s) => `${s.id} = ${s.title}`).join('; ')}`,
    `${'participant'.padEnd(width)}  ${ids.join(' ')}  done`,
  ];
  for (const o of board) {
    const name = o.participant.name.padEnd(width);
    if (!o.ok) {
      lines.push(`${name}  ERROR ${o.error}`);
      continue;
    }
    const cells = ids.map((id) => (cellOf(o.value, id) ? MARK[cellOf(o.value, id)!] : '-').padEnd(id.length));
    lines.push(`${name}  ${cells.join(' ')}  ${o.value.steps.filter((s) => s.status === 'done').length}/${o.value.steps.length}`);
  }
  return lines;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** The board as a self-refreshing HTML page (a cell's title says what is wrong). */
export function boardHtml(board: Board, at: Date, refreshSeconds?: number): string {
  const head = CHECK_STEPS.map((s) => `<th title="${esc(s.title)}">${esc(s.id)}</th>`).join('');
  const rows = board.map((o) => {
    if (!o.ok) return `<tr><th>${esc(o.participant.name)}</th><td colspan="${CHECK_STEPS.length}" class="error">${esc(o.error)}</td></tr>`;
    const cells = CHECK_STEPS.map((s) => {
      const step = o.value.steps.find((x) => x.step.id === s.id);
      if (!step) return '<td>-</td>';
      const why = [...step.wrong.map((w) => w.hint ?? `${w.check}: expected ${w.expected}, found ${w.found}`), ...step.missing.map((m) => `not yet: ${m}`)].join('\n');
      return `<td class="${step.status.replace(' ', '-')}" title="${esc(why || step.status)}">${MARK[step.status]}</td>`;
    });
    return `<tr><th>${esc(o.participant.name)}</th>${cells.join('')}</tr>`;
  });
  return [
    '<!doctype html><html><head><meta charset="utf-8"><title>Workshop scoreboard</title>',
    refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '',
    '<style>body{font-family:sans-serif}td,th{padding:4px 8px;text-align:center}.done{background:#cfc}.wrong{background:#fcc}.in-progress{background:#ffc}.error{color:#a00}</style>',
    `</head><body><h1>Workshop scoreboard</h1><p>Checked ${esc(at.toISOString())}. ${MARK.done} done, ${MARK.wrong} wrong, ${MARK['in progress']} in progress, ${MARK['not started']} not started.</p>`,
    `<table><tr><th>participant</th>${head}</tr>${rows.join('')}</table></body></html>`,
  ].join('\n');
}

export async function fleetScoreboard(o: ScoreboardOptions): Promise<number> {
  const admin = adminClients(o.conn);
  try {
    let unreachable = 0;
    const rounds = o.watch?.maxPolls ?? 1;
    for (let round = 1; round <= rounds; round++) {
      const board = await forEachAccount(o.conn, admin, o.roster, o.role, (c, p) => checkEnvironment(c, participantConfig(o.config, p)));
      for (const line of boardLines(board)) o.log(line);
      if (o.out) {
        fs.writeFileSync(o.out, boardHtml(board, new Date(), o.watch ? Math.ceil(o.watch.intervalMs / 1000) : undefined));
        o.log(`scoreboard written to ${o.out}`);
      }
      unreachable = board.filter((b) => !b.ok).length;
      if (round < rounds) await sleep(o.watch!.intervalMs);
    }
    return unreachable ? 1 : 0;
  } finally {
    admin.destroy();
  }
}
