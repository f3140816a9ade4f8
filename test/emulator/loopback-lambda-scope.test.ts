/**
 * Hardening: the emulator listens on the loopback interface only, and runs Lambda code only for
 * functions a CloudFormation stack of this emulator created (not for CreateFunction calls).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { Emulator, pythonForTools, startEmulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';

jest.setTimeout(60_000);

let emu: Emulator;
let cfn: CloudFormationClient;
let iam: IAMClient;

beforeAll(async () => {
  emu = await startEmulator();
  cfn = new CloudFormationClient(emulatorConfig(emu));
  iam = new IAMClient(emulatorConfig(emu));
});

afterAll(async () => {
  cfn?.destroy();
  iam?.destroy();
  await emu?.stop();
});

/** Local addresses of the TCP sockets LISTENing on `port` (from /proc/net/tcp and tcp6). */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue; // 0A = LISTEN
      const [hexAddr, hexPort] = cols[1].split(':');
      if (parseInt(hexPort, 16) !== port) continue;
      found.push(decodeAddress(hexAddr));
    }
  }
  return found;
}

/** /proc/net/tcp* addresses are little-endian 32-bit words. */
function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g)!.map((w) => Buffer.from(w, 'hex').reverse());
  const bytes = Buffer.concat(words);
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.subarray(0, 12).equals(Buffer.from('00000000000000000000ffff', 'hex'))) return `::ffff:${Array.from(bytes.subarray(12)).join('.')}`;
  const groups = bytes.toString('hex').match(/.{4}/g)!.map((g) => g.replace(/^0+(?=.)/, ''));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

function isLoopback(address: string): boolean {
  return /^127\./.test(address) || /^::ffff:127\./.test(address) || address === '::1' || address === '0:0:0:0:0:0:0:1';
}

function connectResult(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => { socket.destroy(); resolve('connected'); });
    socket.once('timeout', () => { socket.destroy(); resolve('timeout'); });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? String(e)));
  });
}

describe('the emulator listens on the loopback interface only', () => {
  test('every socket listening on its port is a loopback address (never 0.0.0.0 or ::)', () => {
    const addresses = listeningAddresses(emu.port);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((a) => !isLoopback(a))).toEqual([]);
    expect(addresses).not.toContain('0.0.0.0');
  });

  test("a connection to the machine's non-loopback addresses is refused; localhost answers", async () => {
    // A link-local IPv6 address is reached through its interface (fe80::…%eth0).
    const external = Object.entries(os.networkInterfaces()).flatMap(([name, infos]) =>
      (infos ?? []).filter((i) => !i.internal).map((i) => (i.address.startsWith('fe80:') ? `${i.address}%${name}` : i.address)));
    for (const address of external) {
      expect([address, await connectResult(address, emu.port)]).toEqual([address, 'ECONNREFUSED']);
    }
    expect(await connectResult('127.0.0.1', emu.port)).toBe('connected');
    expect((await fetch(`${emu.endpoint}/moto-api/data.json`)).ok).toBe(true);
  });

  test.each(['0.0.0.0', '::', 'localhost', '192.0.2.10'])('the launcher refuses --host %s', (host) => {
    const run = spawnSync(pythonForTools(), [path.join(__dirname, '..', '..', 'scripts', 'emulator', 'moto_launcher.py'), '--port', '1', '--host', host], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/is not a loopback IP address/);
  });
});

/** A zip with index.js (Node.js handler that returns its event with a marker). */
function handlerZip(): string {
  const code = 'exports.handler = async (event) => ({ ran: true, event });';
  return execFileSync(pythonForTools(), ['-c', [
    'import base64, io, sys, zipfile',
    'b = io.BytesIO()',
    'with zipfile.ZipFile(b, "w") as z: z.writestr("index.js", sys.argv[1])',
    'print(base64.b64encode(b.getvalue()).decode())',
  ].join('\n'), code], { encoding: 'utf8' }).trim();
}

/** The Lambda REST API called directly (this repo has no Lambda SDK client). moto checks no signature but
 * routes the request by the service named in the Authorization header's credential scope. */
async function lambdaApi(method: string, apiPath: string, body?: unknown): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${emu.endpoint}/2015-03-31/functions${apiPath}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

describe('Lambda code runs only for functions a CloudFormation stack of the emulator created', () => {
  const assumeLambda = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

  test('a function created through the Lambda API is refused on Invoke (InvalidRuntimeException, 502) instead of running', async () => {
    const role = await iam.send(new CreateRoleCommand({ RoleName: 'direct-fn-role', AssumeRolePolicyDocument: assumeLambda }));
    const created = await lambdaApi('POST', '', {
      FunctionName: 'direct-fn', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: role.Role!.Arn, Code: { ZipFile: handlerZip() },
    });
    expect(created.status).toBe(201);
    const invoked = await lambdaApi('POST', '/direct-fn/invocations', { hello: 1 });
    expect(invoked.status).toBe(502);
    expect(invoked.headers.get('x-amzn-errortype')).toBe('InvalidRuntimeException');
    expect(invoked.json.message).toMatch(/only for functions created by a CloudFormation stack.*direct-fn was created through the Lambda API/);
  });

  test('the same code deployed by a stack runs on Invoke; after the stack is deleted, a re-created function of that name is refused', async () => {
    const code = 'exports.handler = async (event) => ({ ran: true, event });';
    const template = {
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: JSON.parse(assumeLambda) } },
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { FunctionName: 'stack-fn', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: code } },
        },
      },
    };
    await cfn.send(new CreateStackCommand({ StackName: 'lambda-scope', TemplateBody: JSON.stringify(template) }));
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'lambda-scope' }))).Stacks![0];
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const invoked = await lambdaApi('POST', '/stack-fn/invocations', { hello: 2 });
    expect(invoked.status).toBe(200);
    expect(invoked.json).toEqual({ ran: true, event: { hello: 2 } });

    await cfn.send(new DeleteStackCommand({ StackName: 'lambda-scope' }));
    expect((await lambdaApi('GET', '/stack-fn')).status).toBe(404);
    const role = await iam.send(new CreateRoleCommand({ RoleName: 'recreated-fn-role', AssumeRolePolicyDocument: assumeLambda }));
    await lambdaApi('POST', '', { FunctionName: 'stack-fn', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: role.Role!.Arn, Code: { ZipFile: handlerZip() } });
    expect((await lambdaApi('POST', '/stack-fn/invocations', {})).status).toBe(502);
  });
});
