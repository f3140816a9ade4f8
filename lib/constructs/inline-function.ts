import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HandlerName } from '../handlers';
import { bundleHandler } from './bundle-handler';

export interface InlineFunctionProps {
  /** Module under lib/handlers/, without .ts: one of HANDLERS (lib/handlers/index.ts). */
  readonly handler: HandlerName;
  readonly logRetentionDays: number;
  readonly roleDescription: string;
  readonly functionDescription: string;
  /** Default 2 minutes. */
  readonly timeout?: Duration;
  readonly environment?: Record<string, string>;
}

export interface InlineFunctionParts {
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;
  readonly function: lambda.Function;
}

/**
 * A Lambda function whose code is a handler of lib/handlers bundled inline (no asset), with its
 * own log group (deleted on destroy) and role, which may write only that log group; the caller
 * adds the handler's own calls to the role. Creates `Logs`, `Role` and `Function` in `scope`
 * (InlineCustomResource and the isolation part's event function share it).
 */
export function inlineFunction(scope: Construct, props: InlineFunctionProps): InlineFunctionParts {
  const logGroup = new logs.LogGroup(scope, 'Logs', {
    retention: props.logRetentionDays as logs.RetentionDays,
    removalPolicy: RemovalPolicy.DESTROY,
  });
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
  return { logGroup, role, function: fn };
}
