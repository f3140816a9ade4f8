/** Shared test support: a moto emulator per test file, and custom-resource events. */
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import type { CustomResourceEvent, RequestType } from '../../lib/handlers/custom-resource';

/** Starts moto and points this test file's SDK clients (region, endpoint, credentials) at it. */
export async function emulator(): Promise<Emulator> {
  const emu = await startEmulator();
  Object.assign(process.env, emu.env);
  return emu;
}

export const ACCOUNT = '123456789012'; // moto's default account

/** A CloudFormation request as the Lambda receives it (properties untyped, as in a template). */
export function cfnEvent(
  RequestType: RequestType,
  ResourceProperties: Record<string, unknown>,
  extra: Partial<CustomResourceEvent> = {},
): CustomResourceEvent<any> {
  return {
    RequestType,
    ResponseURL: 'http://localhost:1/unused',
    StackId: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/test/11111111-2222-3333-4444-555555555555`,
    RequestId: `req-${Math.random().toString(36).slice(2)}`,
    ResourceType: 'Custom::Test',
    LogicalResourceId: 'Resource',
    ResourceProperties,
    ...extra,
  };
}
