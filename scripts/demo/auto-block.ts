/**
 * `npm run demo -- block <ipv4>` and `npm run demo -- unblock <ipv4>`: "GuardDuty automatically
 * blocks suspicious hosts" without an attacker. EventBridge refuses PutEvents with an `aws.*`
 * source, so `block` invokes the deployed auto-block function with the GuardDuty finding event
 * EventBridge would deliver for that address (marked as a demo, not as a sample finding, so the
 * sample filter lets it through); `unblock` invokes it with an unblock request. Both print the
 * WAF IP set's addresses and the network ACL's DENY entries after.
 */
import { randomUUID } from 'node:crypto';
import { DescribeNetworkAclsCommand } from '@aws-sdk/client-ec2';
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { GetIPSetCommand } from '@aws-sdk/client-wafv2';
import { GUARDDUTY_FINDING_EVENT } from '../../lib/config/auto-block';
import { notBlockable, TAG_PREFIX, type AutoBlockResult } from '../../lib/handlers/auto-block';
import { invokeFunction, requireOutput } from './stack';
import type { DemoCommand, DemoContext } from './types';

const HINT = 'deploy day 2 first (npx cdk deploy -c day2=true, or npm run local -- --keep -c day2=true)';

/** What the operand must be: an address the handler would block (not private, reserved or malformed). */
export function checkAddress(operand: string): string | undefined {
  const problem = notBlockable(operand);
  return problem ? `${problem}: give a public IPv4 address, e.g. 198.51.100.7 (a documentation address that nothing routes)` : undefined;
}

/** A GuardDuty finding event as EventBridge delivers it: an inbound connection from `address` to the web tier. */
export function demoFinding(address: string, opts: { account: string; region: string; severity: number; now?: Date }) {
  const now = (opts.now ?? new Date()).toISOString();
  const id = `demo${randomUUID().replace(/-/g, '')}`;
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': GUARDDUTY_FINDING_EVENT.detailType,
    source: GUARDDUTY_FINDING_EVENT.source,
    account: opts.account,
    time: now,
    region: opts.region,
    resources: [],
    detail: {
      schemaVersion: '2.0',
      accountId: opts.account,
      region: opts.region,
      partition: 'aws',
      id,
      arn: `arn:aws:guardduty:${opts.region}:${opts.account}:detector/demo/finding/${id}`,
      type: 'UnauthorizedAccess:EC2/MaliciousIPCaller.Custom',
      resource: { resourceType: 'Instance' },
      service: {
        serviceName: 'guardduty',
        action: {
          actionType: 'NETWORK_CONNECTION',
          networkConnectionAction: {
            connectionDirection: 'INBOUND',
            remoteIpDetails: { ipAddressV4: address },
            localPortDetails: { port: 80, portName: 'HTTP' },
            protocol: 'TCP',
            blocked: false,
          },
        },
        // A demo, not a GuardDuty sample finding: the handler's sample filter lets it through.
        additionalInfo: { type: 'default', value: '{"demo":"npm run demo -- block"}', sample: false },
        archived: false,
        count: 1,
        eventFirstSeen: now,
        eventLastSeen: now,
      },
      severity: opts.severity,
      createdAt: now,
      updatedAt: now,
      title: `Demo: inbound connection from ${address} (npm run demo -- block)`,
      description: `A finding made by npm run demo -- block for ${address}, as GuardDuty reports a connection from a listed malicious address.`,
    },
  };
}

interface Deployed {
  functionName: string;
  /** The account of the function (from its ARN), for the event's account fields. */
  account: string;
  networkAclId: string;
  ipSet: { Name: string; Id: string; Scope: 'REGIONAL' };
}

async function deployed(ctx: DemoContext): Promise<Deployed> {
  const functionName = requireOutput(ctx.outputs, 'AutoBlockFunctionName', HINT);
  const networkAclId = requireOutput(ctx.outputs, 'AutoBlockNetworkAclId', HINT);
  // The IP set the function writes: its own environment says which.
  const fn = await ctx.c.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
  const env = fn.Environment?.Variables ?? {};
  if (!env.IP_SET_NAME || !env.IP_SET_ID) throw new Error(`${functionName} has no IP_SET_NAME/IP_SET_ID in its environment: ${HINT}`);
  return { functionName, account: fn.FunctionArn?.split(':')[4] ?? '', networkAclId, ipSet: { Name: env.IP_SET_NAME, Id: env.IP_SET_ID, Scope: 'REGIONAL' } };
}

/** Prints the IP set and the ACL's DENY entries; true when `address` is in both (blocked). */
async function show(ctx: DemoContext, d: Deployed, address: string): Promise<{ inSet: boolean; inAcl: boolean }> {
  const set = (await ctx.c.wafv2.send(new GetIPSetCommand(d.ipSet))).IPSet?.Addresses ?? [];
  const acl = (await ctx.c.ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [d.networkAclId] }))).NetworkAcls?.[0];
  const denies = (acl?.Entries ?? []).filter((e) => !e.Egress && e.RuleAction === 'deny' && e.RuleNumber !== 32767).sort((a, b) => a.RuleNumber! - b.RuleNumber!);
  const since = new Map((acl?.Tags ?? []).filter((t) => t.Key?.startsWith(TAG_PREFIX)).map((t) => [t.Key!.slice(TAG_PREFIX.length), t.Value]));
  ctx.log(`WAF IP set ${d.ipSet.Name}: ${set.length ? set.join(', ') : '(empty)'}`);
  ctx.log(`Network ACL ${d.networkAclId} DENY entries (inbound):${denies.length ? '' : ' none'}`);
  for (const e of denies) {
    const ip = e.CidrBlock?.replace(/\/32$/, '') ?? '';
    ctx.log(`  rule ${e.RuleNumber}  ${e.CidrBlock}${since.has(ip) ? `  blocked since ${since.get(ip)}` : ''}`);
  }
  return { inSet: set.includes(`${address}/32`), inAcl: denies.some((e) => e.CidrBlock === `${address}/32`) };
}

function report(ctx: DemoContext, r: AutoBlockResult): void {
  for (const [label, list] of [['blocked', r.blocked], ['already blocked', r.unchanged], ['lifted', r.lifted], ['evicted (oldest, to make room)', r.evicted]] as const) {
    if (list.length) ctx.log(`${label}: ${list.join(', ')}`);
  }
  for (const i of r.ignored) ctx.log(`ignored${i.address ? ` ${i.address}` : ''}: ${i.reason}`);
}

export const blockDemo: DemoCommand = {
  name: 'block',
  operand: '<ipv4 address>',
  summary: 'invoke the auto-block function with a GuardDuty finding for the address; show the IP set and ACL',
  check: checkAddress,
  run: async (address, ctx) => {
    const d = await deployed(ctx);
    const event = demoFinding(address, { account: d.account, region: ctx.config.region, severity: Math.max(5, ctx.config.blockSeverity) });
    ctx.log(`Invoking ${d.functionName} with a GuardDuty finding (${event.detail.type}, severity ${event.detail.severity}) for ${address} ...`);
    report(ctx, (await invokeFunction(ctx.c, d.functionName, event)) as AutoBlockResult);
    const after = await show(ctx, d, address);
    return after.inSet && after.inAcl ? 0 : 1;
  },
};

export const unblockDemo: DemoCommand = {
  name: 'unblock',
  operand: '<ipv4 address>',
  summary: 'invoke the auto-block function to lift the block of the address; show the IP set and ACL',
  check: checkAddress,
  run: async (address, ctx) => {
    const d = await deployed(ctx);
    ctx.log(`Invoking ${d.functionName} to unblock ${address} ...`);
    report(ctx, (await invokeFunction(ctx.c, d.functionName, { action: 'unblock', address })) as AutoBlockResult);
    const after = await show(ctx, d, address);
    return after.inSet || after.inAcl ? 1 : 0;
  },
};

