/**
 * What the demos need of the deployed stack: its outputs, and a way to invoke one of its
 * functions with an event as EventBridge would deliver it (EventBridge refuses PutEvents with an
 * `aws.*` source, so a demo cannot send the event itself).
 */
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import type { AwsClients } from '../operator/clients';
import { errorMessage, isNotFound } from '../operator/errors';

export async function stackOutputs(c: Pick<AwsClients, 'cfn'>, stackName: string): Promise<Record<string, string>> {
  const stack = await c.cfn
    .send(new DescribeStacksCommand({ StackName: stackName }))
    .then((r) => r.Stacks?.[0])
    .catch((e: unknown) => {
      if (isNotFound(e) || /does not exist/i.test(errorMessage(e))) return undefined;
      throw e;
    });
  if (!stack) throw new Error(`stack ${stackName} is not deployed here: deploy it first (npm run local -- --keep -c day2=true, or npx cdk deploy -c day2=true)`);
  return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}

/** The stack output `key`, or an error that names it and says how to get it. */
export function requireOutput(outputs: Readonly<Record<string, string>>, key: string, hint: string): string {
  const value = outputs[key];
  if (!value) throw new Error(`the stack has no output ${key}: ${hint}`);
  return value;
}

/** Invokes a function synchronously with `event`; returns its parsed result, throws with its error. */
export async function invokeFunction(c: Pick<AwsClients, 'lambda'>, functionName: string, event: unknown): Promise<unknown> {
  const r = await c.lambda.send(
    new InvokeCommand({ FunctionName: functionName, InvocationType: 'RequestResponse', Payload: Buffer.from(JSON.stringify(event)) }),
  );
  const text = r.Payload ? Buffer.from(r.Payload).toString('utf8') : '';
  if (r.FunctionError) throw new Error(`${functionName} failed (${r.FunctionError}): ${text.slice(0, 2000)}`);
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
