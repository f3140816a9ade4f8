/**
 * A step's grade from verify's expected rows and what the finder recorded, by verify's own
 * comparison (compareRow):
 * - done: every row OK (a NOT RECORDED row is listed, as in verify, and not a pass in disguise);
 * - wrong: a row found different from the text (with a hint where one helps);
 * - in progress: part of it is there and right, the rest not yet;
 * - not started: nothing of it is there yet (a resource the account always has, the default VPC,
 *   counts as not started while it has no Name tag).
 */
import { compareRow, NOT_FOUND, NO_NAME_TAG } from '../verify/compare';
import type { Scope } from '../verify/part';
import { EXISTS, ExpectedRow, Found, Observation, ResultRow, rowKey } from '../verify/types';
import { hintFor } from './hints';
import { CheckStep } from './steps';

export type StepStatus = 'done' | 'wrong' | 'in progress' | 'not started';

export interface GradedRow extends ResultRow {
  readonly hint?: string;
}

export interface StepResult {
  readonly step: Pick<CheckStep, 'id' | 'part' | 'title'>;
  readonly status: StepStatus;
  /** Rows found different (wrong), with hints. */
  readonly wrong: GradedRow[];
  /** Resources not there yet. */
  readonly missing: string[];
  /** Rows with nothing to compare. */
  readonly notRecorded: GradedRow[];
  /** What is worth knowing although right (a name the text's literal reading gave). */
  readonly notes: string[];
}

const value = (f: Found | undefined) => (f && 'value' in f ? f.value : undefined);

/** Grades one step; undefined when it has no rows (its part is not checked). */
export function gradeStep(step: CheckStep, expected: readonly ExpectedRow[], observed: Observation, scope: Scope, notes: string[] = []): StepResult | undefined {
  const rows = expected.filter((r) => step.has(r, scope.labels));
  if (rows.length === 0) return undefined;
  const foundOf = (r: ExpectedRow) => observed.get(rowKey(r.resource, r.attribute));
  const missing = rows.filter((r) => r.attribute === EXISTS && value(foundOf(r)) === NOT_FOUND).map((r) => r.resource);
  const absent = new Set(expected.filter((r) => r.attribute === EXISTS && compareRow(r, foundOf(r)).status !== 'OK').map((r) => r.resource));
  // A row about a resource of another step (the VPC's count of NAT gateways) is graded once every resource of this step is there.
  const own = new Set(rows.filter((r) => r.attribute === EXISTS).map((r) => r.resource));
  const unnamed = new Set<string>();
  const wrong: GradedRow[] = [];
  const notRecorded: GradedRow[] = [];
  for (const r of rows) {
    if (r.attribute !== EXISTS && absent.has(r.resource)) continue;
    if (missing.includes(r.resource) || (!own.has(r.resource) && missing.length > 0)) continue;
    const result = compareRow(r, foundOf(r));
    if (result.status === 'NOT RECORDED') notRecorded.push(result);
    else if (result.status === 'MISMATCH' && r.attribute === 'Name tag' && value(foundOf(r)) === NO_NAME_TAG) unnamed.add(r.resource);
    else if (result.status === 'MISMATCH') wrong.push({ ...result, hint: hintFor(r, value(foundOf(r)) ?? result.found, scope) });
  }
  const there = new Set(rows.filter((r) => r.attribute === EXISTS && !absent.has(r.resource)).map((r) => r.resource));
  const started = [...there].some((res) => !unnamed.has(res));
  const status: StepStatus = wrong.length > 0 ? 'wrong' : missing.length === 0 && unnamed.size === 0 ? 'done' : started ? 'in progress' : 'not started';
  const stepNotes = [...notes, ...[...unnamed].map((res) => `${res} has no Name tag yet`)];
  return { step: { id: step.id, part: step.part, title: step.title }, status, wrong, missing, notRecorded, notes: stepNotes };
}

/** The symbols the checklist and the scoreboard show. */
export const MARK: Record<StepStatus, string> = { done: '✓', wrong: '✗', 'in progress': '◐', 'not started': '·' };

/** One step as checklist lines (streamed as each completes). */
export function formatStep(r: StepResult): string[] {
  const label = r.status === 'done' || r.status === 'wrong' ? r.step.title : `${r.step.title}: ${r.status}`;
  const lines = [`  ${MARK[r.status]} ${label}`];
  for (const w of r.wrong) {
    lines.push(`      ${w.check}: expected ${w.expected}, found ${w.found}`);
    if (w.hint) lines.push(`      hint: ${w.hint}`);
  }
  if (r.status !== 'not started') for (const m of r.missing) lines.push(`      not yet: ${m}`);
  for (const n of r.notRecorded) lines.push(`      not recorded: ${n.check} (${n.reason})`);
  for (const n of r.notes) lines.push(`      note: ${n}`);
  return lines;
}

/**
 * Verify's rows as the check grades them: where the app departs from the workshop text (AWS Control
 * Tower's controls), the text's value is expected and the app's accepted too (a part the app
 * deployed for a participant who catches up), or the row is not graded (handsOn null). Rows of the
 * app's own choices (appOnly: names it gives, its workgroup, the Wazuh policy) are verify's alone.
 */
export function handsOnRows(rows: readonly ExpectedRow[]): ExpectedRow[] {
  return rows.flatMap((r): ExpectedRow[] => {
    if (r.handsOn === null || r.appOnly) return [];
    if (r.handsOn === undefined) return [r];
    return [{ ...r, expected: r.handsOn, alsoAccept: [...(r.alsoAccept ?? []), r.expected] }];
  });
}
