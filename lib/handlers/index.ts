/**
 * The handler modules, lib/handlers/<name>.ts (custom resources, and the event handlers of
 * EVENT_HANDLERS), each bundled at synth into the
 * inline code of its Lambda function (lib/constructs/bundle-handler.ts), and the
 * ResourceProperties each one reads. InlineCustomResource takes the handler name and the type of
 * its properties from here, and the tests iterate HANDLERS.
 *
 * The properties types are taken from each handler's own onEvent signature (type-only imports,
 * erased at run time), so a construct cannot send what its handler does not read, and a handler's
 * source stays as it is: a changed import would change its minified bundle, and so the template.
 *
 * Not handlers: custom-resource.ts (shared plumbing), isolation.ts (what the isolation handlers
 * share) and this file (SHARED_HANDLER_MODULES).
 */
import type { CustomResourceEvent } from './custom-resource';
import type * as configRecorder from './config-recorder';
import type * as defaultVpc from './default-vpc';
import type * as detectiveGraph from './detective-graph';
import type * as emptyBucket from './empty-bucket';
import type * as guardDutyDetector from './guardduty-detector';
import type * as guardDutySampleFindings from './guardduty-sample-findings';
import type * as inspectorEc2Scanning from './inspector-ec2-scanning';
import type * as isolationCleanup from './isolation-cleanup';
import type * as pinnedImages from './pinned-images';
import type * as securityHub from './security-hub';
import type * as securityHubActionTarget from './security-hub-action-target';

export const HANDLERS = [
  'auto-block',
  'config-recorder',
  'default-vpc',
  'detective-graph',
  'empty-bucket',
  'guardduty-detector',
  'guardduty-sample-findings',
  'inspector-ec2-scanning',
  'isolate-instance',
  'isolation-cleanup',
  'pinned-images',
  'security-hub',
  'security-hub-action-target',
] as const;

export type HandlerName = (typeof HANDLERS)[number];

/**
 * Handlers that EventBridge (or a demo) invokes directly, not CloudFormation: no onEvent with a
 * CustomResourceEvent, no ResourceProperties. lib/parts builds their functions (e.g. with
 * lib/constructs/inline-function.ts).
 */
export const EVENT_HANDLERS = ['auto-block', 'isolate-instance'] as const satisfies readonly HandlerName[];

/** The custom-resource handlers: what InlineCustomResource takes. */
export type CustomResourceHandlerName = Exclude<HandlerName, (typeof EVENT_HANDLERS)[number]>;

/** Modules in lib/handlers/ that are not handlers. */
export const SHARED_HANDLER_MODULES = ['custom-resource', 'finding-addresses', 'index', 'isolation'] as const;

/** What a handler module exports: onEvent (tested against the emulator) and the Lambda handler. */
interface HandlerModule {
  onEvent(event: CustomResourceEvent<never>, ...rest: never[]): Promise<unknown>;
  handler(...args: never[]): Promise<void>;
}

/** The ResourceProperties type a handler module's onEvent reads. */
type PropertiesOf<M extends HandlerModule> = M['onEvent'] extends (event: CustomResourceEvent<infer P>, ...rest: never[]) => unknown ? P : never;

/**
 * ResourceProperties by handler, as the handler reads them (CloudFormation delivers them as JSON,
 * scalars as strings). E.g. 'inspector-ec2-scanning' reads none.
 */
export interface HandlerProperties {
  'config-recorder': PropertiesOf<typeof configRecorder>;
  'default-vpc': PropertiesOf<typeof defaultVpc>;
  'detective-graph': PropertiesOf<typeof detectiveGraph>;
  'empty-bucket': PropertiesOf<typeof emptyBucket>;
  'guardduty-detector': PropertiesOf<typeof guardDutyDetector>;
  'guardduty-sample-findings': PropertiesOf<typeof guardDutySampleFindings>;
  'inspector-ec2-scanning': PropertiesOf<typeof inspectorEc2Scanning>;
  'isolation-cleanup': PropertiesOf<typeof isolationCleanup>;
  'pinned-images': PropertiesOf<typeof pinnedImages>;
  'security-hub': PropertiesOf<typeof securityHub>;
  'security-hub-action-target': PropertiesOf<typeof securityHubActionTarget>;
}
