/** Test support: build the workshop app from context as `cdk synth` would, and normalise templates for snapshots. */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadConfig } from '../../lib/config/load-config';
import { buildWorkshopApp, WorkshopStacks } from '../../lib/workshop-app';

export interface Synthesized {
  readonly app: App;
  readonly stacks: WorkshopStacks;
  readonly templates: Record<'identity' | 'network' | 'compute' | 'detection', Template>;
}

/**
 * The app built from context as given with -c key=value (strings) or cdk.json (typed values),
 * not yet synthesized (so a test may still add to it).
 */
export function buildWorkshop(context: Record<string, unknown> = {}): { app: App; stacks: WorkshopStacks } {
  // No account, as on a machine without credentials: templates stay account-agnostic.
  const app = new App({ context });
  return { app, stacks: buildWorkshopApp(app, loadConfig((k) => app.node.tryGetContext(k))) };
}

/** The app built and synthesized, with a Template per stack. */
export function synthWorkshop(context: Record<string, unknown> = {}): Synthesized {
  const { app, stacks } = buildWorkshop(context);
  return {
    app,
    stacks,
    templates: {
      identity: Template.fromStack(stacks.identity),
      network: Template.fromStack(stacks.network),
      compute: Template.fromStack(stacks.compute),
      detection: Template.fromStack(stacks.detection),
    },
  };
}

/**
 * A template as JSON with what changes without a change of ours masked: asset hashes
 * (64 hex chars) and the CDK version in metadata. Inline handler code stays: a change to a
 * handler is a change to the template and shows in the snapshot.
 */
export function normaliseTemplate(template: Template): unknown {
  const json = JSON.stringify(template.toJSON());
  return JSON.parse(json.replace(/[0-9a-f]{64}/g, '<asset-hash>'));
}
