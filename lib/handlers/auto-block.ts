/**
 * Event handler (not a custom resource): GuardDuty findings block their remote IPv4 addresses.
 *
 * Invoked by (a) the EventBridge rule on GuardDuty findings at or above blockSeverity, (b) the
 * scheduled rule (lifts blocks older than BLOCK_HOURS), (c) the demo: { action: 'block' | 'unblock', address }.
 *
 * A block is the address as <ip>/32 in the WAF IP set (GetIPSet + UpdateIPSet with the lock token,
 * retried on WAFOptimisticLockException) and an inbound DENY entry in the reserved rule range of the
 * public subnets' network ACL; the tag `blocked:<ip>` on that ACL records when (ISO time), so no
 * billed store is needed. When the range is full the oldest block is lifted for the new one. Each
 * step only adds what is missing: the same address twice changes nothing. A new block is published
 * to the alarm topic. Private, reserved and exempt addresses (EXEMPT_CIDRS: the VPC and the
 * blockExemptCidrs setting) and sample findings (unless BLOCK_SAMPLE_FINDINGS) are logged and ignored.
 * Two invocations racing for the same free rule number: the second CreateNetworkAclEntry fails, the
 * invocation fails, and EventBridge's retry (the rule's target retries twice) finds the state as left.
 */
import { CreateNetworkAclEntryCommand, CreateTagsCommand, DeleteNetworkAclEntryCommand, DeleteTagsCommand, DescribeNetworkAclsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetIPSetCommand, UpdateIPSetCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { clientConfig, Env } from '../aws/clients';
import { call, isAwsError } from './custom-resource';
import { isSampleFinding, notBlockable, remoteAddresses } from './finding-addresses';

export { notBlockable, remoteAddresses } from './finding-addresses';

export interface AutoBlockSettings {
  readonly ipSet: { readonly name: string; readonly id: string; readonly scope: 'REGIONAL' | 'CLOUDFRONT' };
  readonly networkAclId: string;
  /** SNS topic told of each new block; none: only logged. */
  readonly topicArn?: string;
  readonly blockHours: number;
  readonly blockSampleFindings: boolean;
  readonly exemptCidrs: readonly string[];
  /** Inclusive range of inbound rule numbers reserved for blocks. */
  readonly rules: { readonly first: number; readonly last: number };
}

export interface AutoBlockClients {
  readonly wafv2: WAFV2Client;
  readonly ec2: EC2Client;
  readonly sns: SNSClient;
}

export type DirectRequest = { action: 'block' | 'unblock'; address: string };
export type AutoBlockEvent = DirectRequest | { 'detail-type'?: string; source?: string; detail?: any };

export interface AutoBlockResult {
  /** Newly blocked (or completed) addresses. */
  blocked: string[];
  /** Already blocked: nothing changed. */
  unchanged: string[];
  ignored: { address?: string; reason: string }[];
  /** Lifted: by unblock, expiry, or to make room (evicted). */
  lifted: string[];
  evicted: string[];
}

export const TAG_PREFIX = 'blocked:';
const LOCK_RETRIES = 5;

interface AclState {
  /** Reserved-range inbound entries: address -> rule number. */
  entries: Map<string, number>;
  /** Inbound rule numbers in use in the reserved range (any entry). */
  used: Set<number>;
  /** Recorded blocks: address -> ISO time. */
  since: Map<string, string>;
}

const log = (what: string, data: Record<string, unknown>) => console.log(JSON.stringify({ what, ...data }));

async function readAcl(s: AutoBlockSettings, ec2: EC2Client): Promise<AclState> {
  const out = await call('EC2 DescribeNetworkAcls', ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [s.networkAclId] })));
  const acl = out.NetworkAcls?.[0];
  if (!acl) throw new Error(`Network ACL ${s.networkAclId} not found`);
  const state: AclState = { entries: new Map(), used: new Set(), since: new Map() };
  for (const e of acl.Entries ?? []) {
    const n = e.RuleNumber ?? 0;
    if (e.Egress || n < s.rules.first || n > s.rules.last) continue;
    state.used.add(n);
    if (e.RuleAction === 'deny' && e.CidrBlock?.endsWith('/32')) state.entries.set(e.CidrBlock.slice(0, -3), n);
  }
  for (const t of acl.Tags ?? []) if (t.Key?.startsWith(TAG_PREFIX)) state.since.set(t.Key.slice(TAG_PREFIX.length), t.Value ?? '');
  return state;
}

/** Adds and removes addresses in the IP set; re-reads and retries when another writer changed it. Returns the addresses added and removed. */
async function updateIpSet(s: AutoBlockSettings, waf: WAFV2Client, add: readonly string[], remove: readonly string[]): Promise<{ added: Set<string>; gone: string[] }> {
  const ref = { Name: s.ipSet.name, Id: s.ipSet.id, Scope: s.ipSet.scope };
  for (let attempt = 1; ; attempt++) {
    const got = await call('WAFV2 GetIPSet', waf.send(new GetIPSetCommand(ref)));
    const current = new Set(got.IPSet?.Addresses ?? []);
    const added = new Set(add.filter((a) => !current.has(`${a}/32`)));
    const gone = remove.filter((a) => current.has(`${a}/32`));
    if (added.size === 0 && gone.length === 0) return { added, gone };
    for (const a of added) current.add(`${a}/32`);
    for (const a of gone) current.delete(`${a}/32`);
    try {
      await waf.send(new UpdateIPSetCommand({ ...ref, Addresses: [...current], LockToken: got.LockToken, Description: got.IPSet?.Description }));
      return { added, gone };
    } catch (e) {
      if (!isAwsError(e, 'WAFOptimisticLockException') || attempt >= LOCK_RETRIES) throw new Error(`WAFV2 UpdateIPSet failed: ${(e as Error).name}: ${(e as Error).message}`, { cause: e });
      log('lock conflict, retrying', { attempt });
    }
  }
}

/** Lifts blocks: out of the IP set, the ACL and the record. Returns the addresses that were in any of them. */
async function lift(s: AutoBlockSettings, c: AutoBlockClients, acl: AclState, addresses: readonly string[]): Promise<string[]> {
  if (addresses.length === 0) return [];
  const { gone } = await updateIpSet(s, c.wafv2, [], addresses);
  const found = addresses.filter((a) => gone.includes(a) || acl.entries.has(a) || acl.since.has(a));
  for (const a of addresses) {
    const rule = acl.entries.get(a);
    if (rule === undefined) continue;
    await call('EC2 DeleteNetworkAclEntry', c.ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: s.networkAclId, RuleNumber: rule, Egress: false })));
    acl.entries.delete(a);
    acl.used.delete(rule);
  }
  const recorded = addresses.filter((a) => acl.since.has(a));
  if (recorded.length > 0) {
    await call('EC2 DeleteTags', c.ec2.send(new DeleteTagsCommand({ Resources: [s.networkAclId], Tags: recorded.map((a) => ({ Key: `${TAG_PREFIX}${a}` })) })));
    for (const a of recorded) acl.since.delete(a);
  }
  log('lifted', { addresses: found });
  return found;
}

/** Blocks addresses (already checked as blockable); evicts the oldest blocks when the range is full. */
async function block(s: AutoBlockSettings, c: AutoBlockClients, addresses: readonly string[], reason: string, now: Date, result: AutoBlockResult): Promise<void> {
  const acl = await readAcl(s, c.ec2);
  const capacity = s.rules.last - s.rules.first + 1;
  const wanted = addresses.slice(0, capacity);
  for (const a of addresses.slice(capacity)) result.ignored.push({ address: a, reason: `more addresses than the ${capacity} rules of the range` });
  const needRule = wanted.filter((a) => !acl.entries.has(a));
  const free = () => capacity - acl.used.size;
  if (needRule.length > free()) {
    // Oldest first; an entry without a record counts as oldest.
    const candidates = [...acl.entries.keys()].filter((a) => !wanted.includes(a)).sort((x, y) => (acl.since.get(x) ?? '').localeCompare(acl.since.get(y) ?? ''));
    const evict = candidates.slice(0, needRule.length - free());
    await lift(s, c, acl, evict);
    result.evicted.push(...evict);
    result.lifted.push(...evict);
  }
  const { added } = await updateIpSet(s, c.wafv2, wanted, []);
  const changed = new Set(added);
  for (const a of needRule) {
    let rule = s.rules.first;
    while (acl.used.has(rule)) rule++;
    if (rule > s.rules.last) {
      result.ignored.push({ address: a, reason: 'no free rule in the reserved range (entries not made by this handler hold it)' });
      continue;
    }
    await call(
      'EC2 CreateNetworkAclEntry',
      c.ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId: s.networkAclId, RuleNumber: rule, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: `${a}/32` })),
    );
    acl.used.add(rule);
    acl.entries.set(a, rule);
    changed.add(a);
  }
  const unrecorded = wanted.filter((a) => !acl.since.has(a));
  if (unrecorded.length > 0) {
    await call('EC2 CreateTags', c.ec2.send(new CreateTagsCommand({ Resources: [s.networkAclId], Tags: unrecorded.map((a) => ({ Key: `${TAG_PREFIX}${a}`, Value: now.toISOString() })) })));
  }
  for (const a of wanted) (changed.has(a) ? result.blocked : result.unchanged).push(a);
  log('block', { reason, blocked: [...changed], unchanged: wanted.filter((a) => !changed.has(a)), evicted: result.evicted });
  if (s.topicArn && changed.size > 0) {
    const list = [...changed].join(', ');
    const message = `Blocked ${list} for ${s.blockHours} h in WAF IP set ${s.ipSet.name} and network ACL ${s.networkAclId}: ${reason}.` +
      (result.evicted.length ? ` Lifted to make room: ${result.evicted.join(', ')}.` : '');
    await call('SNS Publish', c.sns.send(new PublishCommand({ TopicArn: s.topicArn, Subject: `Auto-block: ${list}`.slice(0, 100), Message: message })));
  }
}

/** Lifts the blocks recorded more than blockHours before `now`. */
async function expire(s: AutoBlockSettings, c: AutoBlockClients, now: Date, result: AutoBlockResult): Promise<void> {
  const acl = await readAcl(s, c.ec2);
  const cutoff = now.getTime() - s.blockHours * 3_600_000;
  const old = [...acl.since].filter(([, t]) => !(Date.parse(t) > cutoff)).map(([a]) => a);
  await lift(s, c, acl, old);
  result.lifted.push(...old);
}

export async function onEvent(event: AutoBlockEvent, s: AutoBlockSettings, c: AutoBlockClients, now = new Date()): Promise<AutoBlockResult> {
  const result: AutoBlockResult = { blocked: [], unchanged: [], ignored: [], lifted: [], evicted: [] };
  const exempt = (a: string) => notBlockable(a, s.exemptCidrs);
  if ('action' in event) {
    const problem = exempt(event.address);
    if (problem) result.ignored.push({ address: event.address, reason: problem });
    else if (event.action === 'block') await block(s, c, [event.address], 'blocked by hand (npm run demo -- block)', now, result);
    else result.lifted.push(...(await lift(s, c, await readAcl(s, c.ec2), [event.address])));
  } else if (event['detail-type'] === 'Scheduled Event') {
    await expire(s, c, now, result);
  } else if (event['detail-type'] === 'GuardDuty Finding') {
    const d = event.detail ?? {};
    const addresses = remoteAddresses(d);
    if (isSampleFinding(d) && !s.blockSampleFindings) result.ignored.push({ reason: 'sample finding (blockSampleFindings is false)' });
    else if (addresses.length === 0) result.ignored.push({ reason: 'no remote IPv4 address in the finding' });
    else {
      for (const a of addresses) if (exempt(a)) result.ignored.push({ address: a, reason: exempt(a)! });
      const blockable = addresses.filter((a) => !exempt(a));
      if (blockable.length) await block(s, c, blockable, `GuardDuty ${d.type ?? 'finding'} (severity ${d.severity ?? '?'}, id ${d.id ?? '?'})`, now, result);
    }
  } else {
    throw new Error(`Unexpected event: ${JSON.stringify(event).slice(0, 300)}`);
  }
  if (result.ignored.length) log('ignored', { finding: 'detail' in event ? event.detail?.id : undefined, ignored: result.ignored });
  return result;
}

/** The function's environment as settings (the construct sets these variables). */
export function settingsFromEnv(env: Env = process.env): AutoBlockSettings {
  const need = (k: string) => env[k] || (() => { throw new Error(`Environment variable ${k} is not set`); })();
  return {
    ipSet: { name: need('IP_SET_NAME'), id: need('IP_SET_ID'), scope: 'REGIONAL' },
    networkAclId: need('NETWORK_ACL_ID'),
    topicArn: env.TOPIC_ARN || undefined,
    blockHours: Number(need('BLOCK_HOURS')),
    blockSampleFindings: env.BLOCK_SAMPLE_FINDINGS === 'true',
    exemptCidrs: (env.EXEMPT_CIDRS ?? '').split(',').filter(Boolean),
    rules: { first: Number(need('FIRST_BLOCK_RULE')), last: Number(need('LAST_BLOCK_RULE')) },
  };
}

export async function handler(event: AutoBlockEvent): Promise<AutoBlockResult> {
  const config = clientConfig();
  return onEvent(event, settingsFromEnv(), { wafv2: new WAFV2Client(config), ec2: new EC2Client(config), sns: new SNSClient(config) });
}
