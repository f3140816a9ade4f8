/** Test support: build the workshop app from context as `cdk synth` would, and normalise templates for snapshots. */
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { loadConfig } from '../../lib/config/load-config';
import { buildWorkshopApp } from '../../lib/workshop-app';
import type { WorkshopStack } from '../../lib/workshop-stack';

export interface Synthesized {
  readonly app: App;
  readonly stack: WorkshopStack;
  readonly template: Template;
}

/** The workshop's parts: the top-level constructs of the stack. */
export const PARTS = ['Identity', 'Network', 'Detection', 'Compute', 'Investigation'] as const;
export type Part = (typeof PARTS)[number];

/**
 * The app built from context as given with -c key=value (strings) or cdk.json (typed values),
 * not yet synthesized (so a test may still add to it).
 */
export function buildWorkshop(context: Record<string, unknown> = {}): { app: App; stack: WorkshopStack } {
  // No account, as on a machine without credentials: the template stays account-agnostic.
  const app = new App({ context });
  return { app, stack: buildWorkshopApp(app, loadConfig((k) => app.node.tryGetContext(k))) };
}

/** The app built and synthesized, with the Template of its one stack. */
export function synthWorkshop(context: Record<string, unknown> = {}): Synthesized {
  const { app, stack } = buildWorkshop(context);
  return { app, stack, template: Template.fromStack(stack) };
}

type Resources = Record<string, unknown>;

/** Logical id -> the part (top-level construct of the stack) that holds the resource. */
export function partsByLogicalId(stack: Stack): Map<string, string> {
  const parts = new Map<string, string>();
  for (const c of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(c)) continue;
    parts.set(stack.resolve(c.logicalId) as string, c.node.scopes[2]?.node.id ?? '');
  }
  return parts;
}

/** The template's resources of one part, by logical id. */
export function resourcesOfPart(synthesized: Synthesized, part: Part): Resources {
  const parts = partsByLogicalId(synthesized.stack);
  const resources = (synthesized.template.toJSON().Resources ?? {}) as Resources;
  return Object.fromEntries(Object.entries(resources).filter(([id]) => parts.get(id) === part));
}

/**
 * A template as JSON with what changes without a change of ours masked: asset hashes
 * (64 hex chars) and the CDK version in metadata. Inline handler code stays: a change to a
 * handler is a change to the template and shows in the snapshot.
 */
export function normaliseTemplate(template: Template | Record<string, unknown>): unknown {
  const json = JSON.stringify(template instanceof Template ? template.toJSON() : template);
  return JSON.parse(json.replace(/[0-9a-f]{64}/g, '<asset-hash>'));
}

/** The logical id of the one resource of a type whose properties match (throws unless exactly one). */
export function idOf(t: Template, type: string, props: Record<string, unknown> = {}): string {
  const ids = Object.keys(t.findResources(type, { Properties: Match.objectLike(props) }));
  if (ids.length !== 1) throw new Error(`expected one ${type} like ${JSON.stringify(props)}, found ${ids.length}`);
  return ids[0];
}
