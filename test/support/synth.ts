/**
 * Test support: build the workshop app from context as `cdk synth` would. For tests that need the
 * construct tree (add to the app, read construct metadata); a test that only reads templates uses
 * the run's shared synthesis (test/support/synthesized.ts), which this module also fills.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PATH_METADATA_ENABLE_CONTEXT } from 'aws-cdk-lib/cx-api';
import { loadConfig } from '../../lib/config/load-config';
import { buildWorkshopApp } from '../../lib/workshop-app';
import type { WorkshopStack } from '../../lib/workshop-stack';
import { configurationKey } from './synthesized';

export { binRunOf, idOf, normaliseTemplate, PARTS, resourcesOfPart, synthesized, templateOf } from './synthesized';
export type { Part, Synthesis } from './synthesized';

export interface Synthesized {
  readonly app: App;
  readonly stack: WorkshopStack;
  readonly template: Template;
}

/**
 * The app built from context as given with -c key=value (strings) or cdk.json (typed values),
 * not yet synthesized (so a test may still add to it).
 */
export function buildWorkshop(context: Record<string, unknown> = {}, outdir?: string): { app: App; stack: WorkshopStack } {
  // No account, as on a machine without credentials: the template stays account-agnostic.
  const app = new App({ context, outdir });
  return { app, stack: buildWorkshopApp(app, loadConfig((k) => app.node.tryGetContext(k))) };
}

/** The app built and synthesized, with the Template of its one stack. */
export function synthWorkshop(context: Record<string, unknown> = {}): Synthesized {
  const { app, stack } = buildWorkshop(context);
  return { app, stack, template: Template.fromStack(stack) };
}

/**
 * Synthesizes one configuration into `<dir>/<key>` (a cloud assembly, with path metadata on as the
 * CDK CLI turns it on), through a temporary directory and a rename, so that a reader sees all or
 * nothing. A configuration that fails to synthesize leaves synth's message in `<dir>/<key>.error`.
 */
export function synthesizeToCache(dir: string, context: Record<string, unknown>): void {
  const final = path.join(dir, configurationKey(context));
  if (fs.existsSync(final) || fs.existsSync(`${final}.error`)) return;
  const tmp = fs.mkdtempSync(`${final}.tmp-`);
  try {
    buildWorkshop({ ...context, [PATH_METADATA_ENABLE_CONTEXT]: true }, tmp).app.synth();
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.writeFileSync(`${final}.error.tmp-${process.pid}`, e instanceof Error ? e.message : String(e));
    fs.renameSync(`${final}.error.tmp-${process.pid}`, `${final}.error`);
    return;
  }
  try {
    fs.renameSync(tmp, final);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another process got there first, with the same assembly
  }
}

/** Logical id -> the part (top-level construct of the stack) that holds the resource. */
export function partsByLogicalId(stack: Stack): Map<string, string> {
  const parts = new Map<string, string>();
  for (const c of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(c)) continue;
    parts.set(stack.resolve(c.logicalId) as string, c.node.scopes[2]?.node.id ?? '');
  }
  return parts;
}
