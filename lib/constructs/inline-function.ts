import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HandlerName } from '../handlers';
import { bundleHandler } from './bundle-handler';
import { LogSettings } from './workshop-key';

export interface InlineFunctionProps {
  /** Module under lib/handlers/, without .ts: one of HANDLERS (lib/handlers/index.ts). */
  readonly handler: HandlerName;
  /** The function's log group: its retention and the workshop key that encrypts it. */
  readonly logs: LogSettings;
  readonly roleDescription: string;
  readonly functionDescription: string;
  /** Default 2 minutes. */
  readonly timeout?: Duration;
  readonly environment?: Record<string, string>;
  /** The handler's own calls, added to its role (least privilege: exactly what it calls). */
  readonly statements?: readonly iam.PolicyStatement[];
  /**
   * cdk-nag acknowledgements for wildcard resources the API forces (IAM5), each with the reason,
   * e.g. { 'Resource::*': 'guardduty:ListDetectors has no resource type' }.
   */
  readonly wildcardReasons?: Readonly<Record<string, string>>;
}

export interface InlineFunctionParts {
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;
  readonly function: lambda.Function;
}

/**
 * A Lambda function whose code is a handler of lib/handlers bundled inline (no asset), with its
 * own log group (deleted on destroy) and role, which may write only that log group and make the
 * handler's own calls (`statements`, wildcards acknowledged with their reasons); CDK creates the
 * function after its role and the role's policy. Creates `Logs`, `Role` and `Function` in `scope`
 * (InlineCustomResource and the isolation part's event function share it).
 */
export function inlineFunction(scope: Construct, props: InlineFunctionProps): InlineFunctionParts {
  // Named <stack name>/<construct path in the stack>, so that the workshop key's policy can grant
  // CloudWatch Logs this stack's log groups by name (CloudFormation's generated names follow no
  // documented form), e.g. SecurityWorkshop/Network/FlowLogs/Bucket/EmptyOnDelete.
  const logGroup = new logs.LogGroup(scope, 'Logs', {
    logGroupName: `${Aws.STACK_NAME}/${scope.node.path.slice(Stack.of(scope).node.path.length + 1)}`,
    retention: props.logs.retentionDays as logs.RetentionDays,
    encryptionKey: props.logs.key.key,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  props.logs.key.allowLogGroups(`${Aws.STACK_NAME}/*`);
  const role = new iam.Role(scope, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: props.roleDescription,
  });
  // Written here instead of AWSLambdaBasicExecutionRole: only this function's own log group.
  role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  const fn = new lambda.Function(scope, 'Function', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(bundleHandler(props.handler)),
    timeout: props.timeout ?? Duration.minutes(2),
    memorySize: 256,
    role,
    logGroup,
    description: props.functionDescription,
    environment: props.environment,
  });
  for (const statement of props.statements ?? []) role.addToPolicy(statement);
  for (const [appliesTo, reason] of Object.entries(props.wildcardReasons ?? {})) {
    Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${appliesTo}]`, reason });
  }
  return { logGroup, role, function: fn };
}
