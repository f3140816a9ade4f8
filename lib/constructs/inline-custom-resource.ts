import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { CustomResourceHandlerName, HandlerProperties } from '../handlers';
import { inlineFunction } from './inline-function';
import { LogSettings } from './workshop-key';

export { INLINE_CODE_BUDGET } from './bundle-handler';

/**
 * How long CloudFormation waits for a custom resource's answer (its ServiceTimeout) before it fails
 * the resource: a lost answer (a crashed function, a dropped PUT) fails the deploy in minutes
 * instead of CloudFormation's default hour. Longer than every handler's own Lambda timeout
 * (at most 5 minutes: Inspector's bounded waits), which the handler answers before.
 */
export const SERVICE_TIMEOUT = Duration.minutes(10);

export interface InlineCustomResourceProps<H extends CustomResourceHandlerName = CustomResourceHandlerName> {
  /** Module under lib/handlers/, without .ts: one of HANDLERS (lib/handlers/index.ts). */
  readonly handler: H;
  /** Least-privilege permissions of the handler. */
  readonly statements: iam.PolicyStatement[];
  /**
   * ResourceProperties sent to the handler: the type the handler reads
   * (lib/handlers/<handler>-props.ts), so construct and handler cannot drift apart.
   */
  readonly properties: NoInfer<HandlerProperties[H]>;
  /** The function's log group: its retention and the workshop key that encrypts it. */
  readonly logs: LogSettings;
  /** Default 2 minutes. */
  readonly timeout?: Duration;
  /**
   * cdk-nag acknowledgements for wildcard resources the API forces (IAM5),
   * each with the reason, e.g. { 'Resource::*': 'guardduty:ListDetectors has no resource type' }.
   */
  readonly wildcardReasons?: Record<string, string>;
}

/**
 * A CloudFormation custom resource whose Lambda code is inline in the template (no asset bucket,
 * so the template deploys as a StackSet or without CDK bootstrap), with its own role and log group
 * (encrypted with the workshop key) that go away on destroy.
 */
export class InlineCustomResource<H extends CustomResourceHandlerName = CustomResourceHandlerName> extends Construct {
  public readonly resource: CustomResource;
  public readonly function: lambda.Function;
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: InlineCustomResourceProps<H>) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.minutes(2);
    if (timeout.toSeconds() >= SERVICE_TIMEOUT.toSeconds()) {
      throw new Error(`${props.handler}: the function's timeout (${timeout.toSeconds()} s) must be shorter than the custom resource's ServiceTimeout (${SERVICE_TIMEOUT.toSeconds()} s)`);
    }
    const parts = inlineFunction(this, {
      handler: props.handler,
      logs: props.logs,
      roleDescription: `Custom resource ${props.handler} of ${Stack.of(this).stackName}`,
      functionDescription: `CloudFormation custom resource: lib/handlers/${props.handler}.ts`,
      timeout,
      statements: props.statements,
      wildcardReasons: props.wildcardReasons,
    });
    this.role = parts.role;
    this.function = parts.function;

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.function.functionArn,
      resourceType: `Custom::${props.handler.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`,
      properties: props.properties as Record<string, unknown>,
      serviceTimeout: SERVICE_TIMEOUT,
    });
    // The role's policy must exist before the resource and outlive it, or its Delete event runs
    // without permissions (the function itself only references the role).
    this.resource.node.addDependency(this.role.node.findChild('DefaultPolicy'));
  }

  public getAtt(name: string): string {
    return this.resource.getAttString(name);
  }
}
