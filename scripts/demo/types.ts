/**
 * The shape of a day-2 demo command (`npm run demo -- <name> <operand>`). Each day-2 feature adds
 * its commands in a file of its own (scripts/demo/<feature>.ts) and lists them in ./index.
 */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import type { AwsClients } from '../operator/clients';

export interface DemoContext {
  readonly c: AwsClients;
  readonly config: WorkshopConfig;
  /** The deployed stack's outputs, OutputKey -> OutputValue. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Prints one line of the demo's report. */
  readonly log: (line: string) => void;
}

export interface DemoCommand {
  /** The word after `npm run demo --` (block, unblock, isolate, release). */
  readonly name: string;
  /** What the operand is, for the usage line: `<ipv4 address>`, `<instance id>`. */
  readonly operand: string;
  /** One line for the usage. */
  readonly summary: string;
  /** The operand's problem (what was given and what is allowed), or undefined; runs before any AWS call. */
  readonly check: (operand: string) => string | undefined;
  /** Runs the demo; the result is the exit code (0 done, 1 the demo found the environment wrong). */
  readonly run: (operand: string, ctx: DemoContext) => Promise<number>;
}
