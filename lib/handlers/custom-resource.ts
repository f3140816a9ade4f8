/**
 * CloudFormation custom-resource plumbing shared by the inline Lambda handlers:
 * the request/response types and lambdaHandler(onEvent), which always answers
 * CloudFormation (SUCCESS, FAILED with a readable reason, or FAILED on timeout).
 */
export type RequestType = 'Create' | 'Update' | 'Delete';

export interface CustomResourceEvent<P = Record<string, unknown>> {
  RequestType: RequestType;
  ServiceToken?: string;
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  ResourceType?: string;
  LogicalResourceId: string;
  /** Absent on Create. */
  PhysicalResourceId?: string;
  ResourceProperties: P & { ServiceToken?: string };
  /** Only on Update. */
  OldResourceProperties?: P & { ServiceToken?: string };
}

export interface OnEventResult {
  PhysicalResourceId: string;
  Data?: Record<string, string>;
}

export type OnEvent<P = any> = (event: CustomResourceEvent<P>) => Promise<OnEventResult>;

export interface CustomResourceResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: Record<string, string>;
}

/** The part of the Lambda context the handler uses. */
export interface LambdaContext {
  getRemainingTimeInMillis(): number;
  logStreamName?: string;
}

/** Time kept back from the Lambda timeout to send the FAILED answer (2 PUT attempts of at most 3 s). */
export const TIMEOUT_MARGIN_MS = 10_000;

/** CloudFormation takes a custom-resource response of at most 4096 bytes, all of it. */
export const RESPONSE_MAX_BYTES = 4096;

/**
 * The reason, cut (with …) to what the rest of the response leaves of RESPONSE_MAX_BYTES, counted
 * as the JSON body is sent: UTF-8 bytes, escapes included, never half a character.
 */
export function fittingReason(response: CustomResourceResponse, reason: string): string {
  const size = (r: string) => Buffer.byteLength(JSON.stringify({ ...response, Reason: r }));
  if (size(reason) <= RESPONSE_MAX_BYTES) return reason;
  const chars = Array.from(reason);
  let [lo, hi] = [0, chars.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(`${chars.slice(0, mid).join('')}…`) <= RESPONSE_MAX_BYTES) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}

/**
 * Awaits an AWS call and, on failure, rethrows with the operation and the AWS error
 * name and message, e.g. "GuardDuty CreateDetector failed: AccessDeniedException: ...".
 */
export async function call<T>(operation: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (e) {
    throw new Error(`${operation} failed: ${describe(e)}`, { cause: e });
  }
}

/** "Name: message" for an error, or just the message for a plain Error. */
export function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
}

/** Whether an error (raw or wrapped by call()) is one of the AWS errors `names`. */
export function isAwsError(e: unknown, ...names: string[]): boolean {
  const err = e as { name?: string; cause?: { name?: string } } | undefined;
  return names.includes(err?.cause?.name ?? err?.name ?? '');
}

async function send(url: string, response: CustomResourceResponse): Promise<void> {
  const body = JSON.stringify(response);
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': '' },
        body,
        signal: AbortSignal.timeout(3_000),
      });
      if (res.ok) return;
      throw new Error(`HTTP ${res.status} ${await res.text()}`);
    } catch (e) {
      if (attempt >= 2) throw e;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** Wraps onEvent as a Lambda handler that always answers CloudFormation at ResponseURL. */
export function lambdaHandler<P>(onEvent: OnEvent<P>) {
  return async (event: CustomResourceEvent<P>, context: LambdaContext): Promise<void> => {
    const { ResponseURL, ...logged } = event;
    console.log(JSON.stringify(logged));
    const response: CustomResourceResponse = {
      Status: 'SUCCESS',
      // Kept on failure: a failed Create gets a stable id that no handler acts on.
      PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ms = Math.max(0, context.getRemainingTimeInMillis() - TIMEOUT_MARGIN_MS);
    try {
      Object.assign(response, await Promise.race([
        Promise.resolve().then(() => onEvent(event)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${event.RequestType} timed out after ${ms} ms`)), ms);
        }),
      ]));
    } catch (e) {
      response.Status = 'FAILED';
      response.Reason = fittingReason(response, describe(e));
    }
    clearTimeout(timer);
    console.log(response.Status, response.Reason ?? '', response.PhysicalResourceId);
    try {
      await send(ResponseURL, response);
    } catch (e) {
      console.error('Could not answer CloudFormation:', e);
    }
  };
}
