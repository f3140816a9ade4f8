import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { clientConfig, RETRY_ATTEMPTS } from '../../lib/aws/clients';
import { call, CustomResourceResponse, lambdaHandler, OnEvent, TIMEOUT_MARGIN_MS } from '../../lib/handlers/custom-resource';
import { cfnEvent } from './support';

jest.setTimeout(30_000);

interface Received {
  method?: string;
  url?: string;
  contentType?: string;
  body: CustomResourceResponse;
}

let server: http.Server;
let responseUrl: string;
let received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, contentType: req.headers['content-type'], body: JSON.parse(body) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, 'localhost', r));
  responseUrl = `http://localhost:${(server.address() as AddressInfo).port}/cfn-response?X-Amz-Signature=abc`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => (received = []));

const context = (remainingMs = 60_000) => ({ getRemainingTimeInMillis: () => remainingMs });
const event = (extra = {}) => cfnEvent('Create', { Foo: 'bar' }, { ResponseURL: responseUrl, LogicalResourceId: 'Detector', ...extra });

test('answers SUCCESS with the physical id and Data', async () => {
  const onEvent: OnEvent = async (e) => ({ PhysicalResourceId: `id-${e.ResourceProperties.Foo}`, Data: { DetectorId: 'd1' } });
  const e = event();
  await lambdaHandler(onEvent)(e, context());
  expect(received).toEqual([
    {
      method: 'PUT',
      url: '/cfn-response?X-Amz-Signature=abc',
      contentType: '',
      body: {
        Status: 'SUCCESS',
        PhysicalResourceId: 'id-bar',
        StackId: e.StackId,
        RequestId: e.RequestId,
        LogicalResourceId: 'Detector',
        Data: { DetectorId: 'd1' },
      },
    },
  ]);
});

test('answers FAILED naming the operation and the AWS error; a failed Create keeps the LogicalResourceId', async () => {
  const onEvent: OnEvent = async () => {
    const awsError = Object.assign(new Error('User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: guardduty:CreateDetector'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    return call('GuardDuty CreateDetector', Promise.reject(awsError));
  };
  const e = event();
  await lambdaHandler(onEvent)(e, context());
  expect(received).toHaveLength(1);
  expect(received[0].body).toEqual({
    Status: 'FAILED',
    Reason:
      'GuardDuty CreateDetector failed: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: guardduty:CreateDetector',
    PhysicalResourceId: 'Detector',
    StackId: e.StackId,
    RequestId: e.RequestId,
    LogicalResourceId: 'Detector',
  });
});

test('a failed Update or Delete keeps the current physical id; errors thrown synchronously are caught too', async () => {
  const onEvent: OnEvent = () => {
    throw new TypeError('boom');
  };
  await lambdaHandler(onEvent)(event({ RequestType: 'Delete', PhysicalResourceId: 'created:abc' }), context());
  expect(received[0].body).toMatchObject({ Status: 'FAILED', Reason: 'TypeError: boom', PhysicalResourceId: 'created:abc' });
});

test('a long failure reason is cut so that the whole response fits the 4096 bytes CloudFormation takes (bytes, not characters)', async () => {
  // Multi-byte characters and characters JSON escapes: 2 and 6 bytes each in the sent body.
  const onEvent: OnEvent = async () => {
    throw new Error(`${'é'.repeat(3_000)}${'\u0001'.repeat(500)}`);
  };
  const StackId = `arn:aws:cloudformation:us-east-1:123456789012:stack/${'s'.repeat(120)}/11111111-2222-3333-4444-555555555555`;
  await lambdaHandler(onEvent)(event({ StackId }), context());
  const body = received[0].body;
  expect(body.Status).toBe('FAILED');
  expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(4096);
  expect(body.Reason!.startsWith('éééé')).toBe(true);
  expect(body.Reason!.endsWith('…')).toBe(true);
  expect(body.Reason!.length).toBeGreaterThan(1_500);
});

test('answers FAILED before the Lambda timeout when onEvent never resolves', async () => {
  const onEvent: OnEvent = () => new Promise(() => {});
  const started = Date.now();
  await lambdaHandler(onEvent)(event(), context(TIMEOUT_MARGIN_MS + 300));
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(received).toHaveLength(1);
  expect(received[0].body).toMatchObject({ Status: 'FAILED', Reason: 'Create timed out after 300 ms', PhysicalResourceId: 'Detector' });
});

test('an unreachable AWS endpoint gives a clear FAILED reason, not a hang', async () => {
  // Two attempts: a refused connection is retried like throttling (ten attempts would take a minute here).
  const guardduty = new GuardDutyClient({ ...clientConfig({ env: { AWS_ENDPOINT_URL: 'http://localhost:1', AWS_REGION: 'eu-west-1' } }), maxAttempts: 2 });
  const onEvent: OnEvent = async () => {
    await call('GuardDuty ListDetectors', guardduty.send(new ListDetectorsCommand({})));
    return { PhysicalResourceId: 'never' };
  };
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  await lambdaHandler(onEvent)(event(), context());
  expect(received[0].body.Status).toBe('FAILED');
  expect(received[0].body.Reason).toMatch(/^GuardDuty ListDetectors failed: .*ECONNREFUSED/);
});

test('clientConfig reads region and endpoint from the environment, with bounded retries and timeouts', () => {
  expect(RETRY_ATTEMPTS).toBe(10);
  expect(clientConfig({ env: {} })).toEqual({
    region: 'us-east-1',
    maxAttempts: 10,
    retryMode: 'standard',
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
  });
  expect(clientConfig({ env: { AWS_DEFAULT_REGION: 'eu-west-1' } }).region).toBe('eu-west-1');
  expect(clientConfig({ env: { AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'eu-west-1' } }).region).toBe('eu-central-1');
  expect(clientConfig({ env: { AWS_ENDPOINT_URL: 'http://localhost:5000' } })).toMatchObject({ endpoint: 'http://localhost:5000' });
  expect(clientConfig({ env: { AWS_ENDPOINT_URL: 'http://localhost:5000' } }).forcePathStyle).toBeUndefined();
  expect(clientConfig({ s3: true, env: { AWS_ENDPOINT_URL: 'http://localhost:5000' } }).forcePathStyle).toBe(true);
  expect(clientConfig({ s3: true, env: {} }).forcePathStyle).toBeUndefined();
});

test('a handler rides out throttling: a call throttled five times in a row succeeds on the sixth attempt', async () => {
  let calls = 0;
  const busy = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      if (calls <= 5) res.writeHead(429, { 'content-type': 'application/json', 'x-amzn-errortype': 'ThrottlingException' }).end('{"message":"Rate exceeded"}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"detectorIds":["d1"]}');
    });
  });
  await new Promise<void>((r) => busy.listen(0, 'localhost', r));
  // No jitter: the SDK waits random × its backoff, so the test does not wait the backoff itself.
  const random = jest.spyOn(Math, 'random').mockReturnValue(0);
  try {
    const endpoint = `http://localhost:${(busy.address() as AddressInfo).port}`;
    const guardduty = new GuardDutyClient({ ...clientConfig({ env: { AWS_ENDPOINT_URL: endpoint } }), credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const out = await call('GuardDuty ListDetectors', guardduty.send(new ListDetectorsCommand({})));
    expect(out.DetectorIds).toEqual(['d1']);
    expect(calls).toBe(6);
  } finally {
    random.mockRestore();
    await new Promise((r) => busy.close(r));
  }
});
