/**
 * Expected rows + observations -> check | expected | found | status.
 *
 * - OK: found equals expected (or one of alsoAccept).
 * - MISMATCH: anything else, including a resource that does not exist.
 * - NOT RECORDED: the endpoint gave nothing to compare (an optional API field it left out, an
 *   operation it does not implement). Never a pass in disguise: the summary lists each with its reason.
 *
 * The same rules hold against the local emulator and against AWS: where moto 5.2.1 did not record
 * what CloudFormation was asked for, scripts/emulator/patches/ makes it do what AWS does, so a
 * value the emulator gets wrong is a MISMATCH like anywhere else.
 */
import { EXISTS, ExpectedRow, Found, Observation, ResultRow, rowKey } from './types';

export const NO_NAME_TAG = '(no Name tag)';
export const NOT_FOUND = 'no';

function display(found: Found | undefined): string {
  if (!found) return '-';
  if ('notRecorded' in found) return '-';
  return found.detail ? `${found.value} (${found.detail})` : found.value;
}

export function compareRow(row: ExpectedRow, found: Found | undefined): ResultRow {
  const check = row.attribute === EXISTS ? `${row.resource}: exists` : `${row.resource}: ${row.attribute}`;
  const base = { check, expected: row.expected, found: display(found) };
  if (!found) return { ...base, status: 'NOT RECORDED', reason: 'nothing was read for this check' };
  if ('notRecorded' in found) return { ...base, status: 'NOT RECORDED', reason: found.notRecorded };
  if (found.value === row.expected || (row.alsoAccept ?? []).includes(found.value)) return { ...base, status: 'OK' };
  return { ...base, status: 'MISMATCH' };
}

/** One result row per expected row; a resource that is not there gets its `exists` row only. */
export function compare(expected: readonly ExpectedRow[], observed: Observation): ResultRow[] {
  const rows: ResultRow[] = [];
  const absent = new Set<string>();
  for (const row of expected) {
    if (absent.has(row.resource)) continue;
    const result = compareRow(row, observed.get(rowKey(row.resource, row.attribute)));
    rows.push(result);
    if (row.attribute === EXISTS && result.status !== 'OK') absent.add(row.resource);
  }
  return rows;
}

export function isOk(rows: readonly ResultRow[], strict = false): boolean {
  return rows.every((r) => r.status === 'OK' || (!strict && r.status === 'NOT RECORDED'));
}

export function summarize(rows: readonly ResultRow[]): { ok: number; mismatch: number; notRecorded: number } {
  return {
    ok: rows.filter((r) => r.status === 'OK').length,
    mismatch: rows.filter((r) => r.status === 'MISMATCH').length,
    notRecorded: rows.filter((r) => r.status === 'NOT RECORDED').length,
  };
}
