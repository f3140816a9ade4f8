/** Plain-text table and summary of verify results. */
import { summarize } from './compare';
import { ResultRow, VerifyResult } from './types';

const MAX = 70;
const clip = (s: string, max = MAX) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function formatTable(rows: readonly ResultRow[], opts: { wide?: boolean } = {}): string {
  const cell = (s: string) => (opts.wide ? s : clip(s));
  const header = ['check', 'expected', 'found', 'status'];
  const body = rows.map((r) => [opts.wide ? r.check : clip(r.check, 100), cell(r.expected), cell(r.found), r.status]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

export function formatSummary(result: VerifyResult): string {
  const s = summarize(result.rows);
  const where = result.target.endpoint ? `endpoint ${result.target.endpoint}${result.target.emulator ? ' (local emulator)' : ''}` : 'AWS';
  const lines = [
    `Checked ${result.rows.length} items in account ${result.target.account}, ${result.target.region}, ${where}: ` +
      `${s.ok} OK, ${s.mismatch} MISMATCH, ${s.notRecorded} NOT RECORDED.`,
  ];
  const notRecorded = result.rows.filter((r) => r.status === 'NOT RECORDED');
  if (notRecorded.length > 0) {
    lines.push('NOT RECORDED (nothing to compare; not a pass):');
    for (const r of notRecorded) lines.push(`  - ${r.check}: ${r.reason}`);
  }
  const mismatches = result.rows.filter((r) => r.status === 'MISMATCH');
  if (mismatches.length > 0) {
    lines.push('MISMATCH:');
    for (const r of mismatches) lines.push(`  - ${r.check}: expected ${r.expected}, found ${r.found}`);
  }
  lines.push(result.ok ? 'Result: the environment matches the workshop configuration.' : 'Result: the environment does NOT match the workshop configuration.');
  return lines.join('\n');
}
