/**
 * check: grades what a participant built by hand against the workshop's table, step by step.
 * The expected rows and the reading are verify's parts (scripts/verify/parts); the finder
 * (./finder.ts) looks things up the way a participant names them; each step is graded
 * (./grade.ts) and handed to `onStep` as soon as its part has been read.
 *
 *   const result = await checkEnvironment(clients, config, { onStep: (s) => print(s) });
 */
import { WORKSHOP_PARTS, WorkshopPart } from '../../lib/config/settings/parts';
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { AwsClients, callerTarget } from '../operator/clients';
import { ExpectedRow } from '../verify/types';
import { findExtras } from './extras';
import { findFlowLogBucket, ParticipantFinder, participantScope } from './finder';
import { gradeStep, handsOnRows, StepResult } from './grade';
import { CHECK_READS, CHECK_STEPS, partsToRead } from './steps';

export interface CheckOptions {
  /** Workshop parts to grade (default: all of day 1). */
  readonly parts?: readonly WorkshopPart[];
  /** Called with each step as soon as it is graded. */
  readonly onStep?: (step: StepResult) => void;
  /** Called when a part starts being read. */
  readonly onPart?: (part: WorkshopPart) => void;
}

export interface CheckResult {
  readonly account: string;
  readonly steps: StepResult[];
  readonly warnings: string[];
  /** No step wrong. */
  readonly ok: boolean;
}

export async function checkEnvironment(c: AwsClients, config: WorkshopConfig, opts: CheckOptions = {}): Promise<CheckResult> {
  const shown = new Set(opts.parts ?? WORKSHOP_PARTS);
  const target = await callerTarget(c);
  const bucket = await findFlowLogBucket(c, config, target.account);
  const scope = participantScope(config, target, bucket);
  const finder = new ParticipantFinder(c, scope);
  const steps: StepResult[] = [];
  for (const part of partsToRead([...shown])) {
    if (shown.has(part)) opts.onPart?.(part);
    const expected: ExpectedRow[] = [];
    for (const reader of CHECK_READS[part]) {
      await reader.observe(finder);
      expected.push(...reader.expectedRows(scope));
    }
    if (!shown.has(part)) continue;
    const handsOn = handsOnRows(expected);
    // The text's literal names are as good as the corrected ones: their Name tag rows accept them too.
    const accepted = handsOn.map((r) => (r.attribute === 'Name tag' && finder.literalNamesOf(r.expected).length ? { ...r, alsoAccept: [...(r.alsoAccept ?? []), ...finder.literalNamesOf(r.expected)] } : r));
    for (const step of CHECK_STEPS.filter((s) => s.part === part)) {
      const notes = finder.slips
        .filter((s) => accepted.some((r) => step.has(r, scope.labels) && r.attribute === 'Name tag' && r.expected === s.expected))
        .map((s) => `${s.expected} found as ${s.found}, the text's literal name (accepted)`);
      const result = gradeStep(step, accepted, finder.observation, scope, notes);
      if (!result) continue;
      steps.push(result);
      opts.onStep?.(result);
    }
  }
  const warnings = await findExtras(finder);
  return { account: target.account, steps, warnings, ok: steps.every((s) => s.status !== 'wrong') };
}

export { formatStep, MARK } from './grade';
export type { StepResult, StepStatus } from './grade';
