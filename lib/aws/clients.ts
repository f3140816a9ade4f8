/**
 * The one place that builds AWS SDK v3 client configuration from the environment.
 * Bundled into every custom-resource handler, so it stays tiny and imports nothing.
 *
 * - region: AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1
 * - endpoint: AWS_ENDPOINT_URL when set (a local emulator); S3 then needs path-style addressing
 * - bounded timeouts, so no call can hang a handler, and retries that ride out throttling in a busy
 *   account: the SDK's standard mode (exponential backoff with jitter, at most 20 s between tries)
 *   with RETRY_ATTEMPTS attempts, about a minute of backoff in the worst case (the default 3 give up
 *   after well under a second)
 */
/** Attempts per AWS call, the first included. */
export const RETRY_ATTEMPTS = 10;

export type Env = Record<string, string | undefined>;

export interface ClientConfig {
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  maxAttempts: number;
  retryMode: 'standard';
  requestHandler: { connectionTimeout: number; requestTimeout: number };
}

export function clientConfig(opts: { s3?: boolean; env?: Env } = {}): ClientConfig {
  const env = opts.env ?? process.env;
  const endpoint = env.AWS_ENDPOINT_URL || undefined;
  const config: ClientConfig = {
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    maxAttempts: RETRY_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
  };
  if (endpoint) {
    config.endpoint = endpoint;
    if (opts.s3) config.forcePathStyle = true;
  }
  return config;
}
