import { Aws, CustomResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HandlerName, HandlerProperties } from '../handlers';
import { bundleHandler } from './bundle-handler';
import { LogSettings } from './workshop-key';

export { INLINE_CODE_BUDGET } from './bundle-handler';

export interface InlineCustomResourceProps<H extends HandlerName = HandlerName> {
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
export class InlineCustomResource<H extends HandlerName = HandlerName> extends Construct {
  public readonly resource: CustomResource;
  public readonly function: lambda.Function;
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: InlineCustomResourceProps<H>) {
    super(scope, id);
    // Named <stack name>/<construct path in the stack>, so that the workshop key's policy can grant
    // CloudWatch Logs this stack's log groups by name (CloudFormation's generated names follow no
    // documented form), e.g. SecurityWorkshop/Network/FlowLogs/Bucket/EmptyOnDelete.
    const logGroupName = `${Aws.STACK_NAME}/${this.node.path.slice(Stack.of(this).node.path.length + 1)}`;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName,
      retention: props.logs.retentionDays as logs.RetentionDays,
      encryptionKey: props.logs.key.key,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    props.logs.key.allowLogGroups(`${Aws.STACK_NAME}/*`);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Custom resource ${props.handler} of ${Stack.of(this).stackName}`,
    });
    // Written here instead of AWSLambdaBasicExecutionRole: only this function's own log group.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    for (const s of props.statements) this.role.addToPolicy(s);

    this.function = new lambda.Function(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(bundleHandler(props.handler)),
      timeout: props.timeout ?? Duration.minutes(2),
      memorySize: 256,
      role: this.role,
      logGroup,
      description: `CloudFormation custom resource: lib/handlers/${props.handler}.ts`,
    });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.function.functionArn,
      resourceType: `Custom::${props.handler.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`,
      properties: props.properties as Record<string, unknown>,
    });
    // The role's policy must exist before the resource and outlive it, or its Delete event runs
    // without permissions (the function itself only references the role).
    this.resource.node.addDependency(this.role.node.findChild('DefaultPolicy'));

    if (props.wildcardReasons) {
      for (const [appliesTo, reason] of Object.entries(props.wildcardReasons)) {
        Validations.of(this.role).acknowledge({ id: `AwsSolutions-IAM5[${appliesTo}]`, reason });
      }
    }
  }

  public getAtt(name: string): string {
    return this.resource.getAttString(name);
  }
}
