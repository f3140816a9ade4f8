/**
 * Custom resource: AWS Security Hub of the region with the workshop's standards. A hub that
 * exists (DescribeHub answers) is adopted and left exactly as found: no standard subscribed, never
 * disabled. Otherwise the hub is enabled without the default standards and the newest version of
 * each standard in `Standards` the region offers (DescribeStandards) is subscribed; on Delete
 * those standards are unsubscribed and the hub disabled (only a hub this stack enabled).
 *
 * Properties: { Standards: string[] }: standard names as in their ARN, e.g.
 *   'aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark'
 * PhysicalResourceId: 'created:<hubArn>' | 'adopted:<hubArn>'
 * Data: { HubArn, Adopted: 'true' | 'false', StandardsArns: comma-separated, those this stack subscribed }
 */
import {
  BatchDisableStandardsCommand,
  BatchEnableStandardsCommand,
  DescribeHubCommand,
  DescribeStandardsCommand,
  DisableSecurityHubCommand,
  EnableSecurityHubCommand,
  GetEnabledStandardsCommand,
  SecurityHubClient,
  StandardsSubscription,
} from '@aws-sdk/client-securityhub';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, isAwsError, lambdaHandler, OnEventResult } from './custom-resource';

export interface SecurityHubProps {
  Standards: string[];
}

export interface SecurityHubClients {
  securityhub: SecurityHubClient;
}

/** What AWS answers for a region without a hub (DescribeHub, DisableSecurityHub, GetEnabledStandards). */
const NOT_SUBSCRIBED = 'InvalidAccessException';

/** 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0' → name and version. */
export function parseStandardsArn(arn: string): { name: string; version: number[] } | undefined {
  const m = /:(?:standards|ruleset)\/([a-z0-9-]+)\/v\/([0-9.]+)$/.exec(arn);
  return m ? { name: m[1], version: m[2].split('.').map(Number) } : undefined;
}

const newer = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
};

/** The newest version of each named standard among `arns`; throws for a name the region lacks. */
export function newestStandards(arns: string[], names: string[]): string[] {
  return names.map((name) => {
    let best: { arn: string; version: number[] } | undefined;
    for (const arn of arns) {
      const parsed = parseStandardsArn(arn);
      if (parsed?.name === name && (!best || newer(parsed.version, best.version))) best = { arn, version: parsed.version };
    }
    if (!best) throw new Error(`Security Hub offers no standard '${name}' in this region (DescribeStandards: ${arns.join(', ')})`);
    return best.arn;
  });
}

async function pages<T>(fetch: (token?: string) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(...page.items);
    token = page.next;
  } while (token);
  return all;
}

async function hubArn(sh: SecurityHubClient): Promise<string | undefined> {
  try {
    return (await call('SecurityHub DescribeHub', sh.send(new DescribeHubCommand({})))).HubArn;
  } catch (e) {
    if (isAwsError(e, NOT_SUBSCRIBED)) return undefined;
    throw e;
  }
}

export async function enabledStandards(sh: SecurityHubClient): Promise<StandardsSubscription[]> {
  return pages(async (NextToken) => {
    const out = await call('SecurityHub GetEnabledStandards', sh.send(new GetEnabledStandardsCommand({ NextToken })));
    return { items: out.StandardsSubscriptions ?? [], next: out.NextToken };
  });
}

const result = (kind: 'created' | 'adopted', arn: string, standards: string[]): OnEventResult => ({
  PhysicalResourceId: `${kind}:${arn}`,
  Data: { HubArn: arn, Adopted: String(kind === 'adopted'), StandardsArns: standards.join(',') },
});

export async function onEvent(
  event: CustomResourceEvent<SecurityHubProps>,
  clients: SecurityHubClients = { securityhub: new SecurityHubClient(clientConfig()) },
): Promise<OnEventResult> {
  const sh = clients.securityhub;
  const physicalId = event.PhysicalResourceId ?? event.LogicalResourceId;
  const sep = physicalId.indexOf(':');
  const [kind, arn] = [physicalId.slice(0, sep), physicalId.slice(sep + 1)];
  const names = event.ResourceProperties.Standards ?? [];
  if (event.RequestType === 'Create') {
    const existing = await hubArn(sh);
    if (existing) return result('adopted', existing, []);
    await call('SecurityHub EnableSecurityHub', sh.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false })));
    try {
      const offered = await pages(async (NextToken) => {
        const out = await call('SecurityHub DescribeStandards', sh.send(new DescribeStandardsCommand({ NextToken })));
        return { items: (out.Standards ?? []).map((s) => s.StandardsArn!), next: out.NextToken };
      });
      const standards = newestStandards(offered, names);
      const out = await call(
        'SecurityHub BatchEnableStandards',
        sh.send(new BatchEnableStandardsCommand({ StandardsSubscriptionRequests: standards.map((StandardsArn) => ({ StandardsArn })) })),
      );
      const failed = (out.StandardsSubscriptions ?? []).filter((s) => s.StandardsStatus === 'FAILED');
      if (failed.length) throw new Error(`SecurityHub BatchEnableStandards failed for ${failed.map((s) => s.StandardsArn).join(', ')}`);
      const created = await hubArn(sh);
      if (!created) throw new Error('SecurityHub DescribeHub found no hub after EnableSecurityHub');
      return result('created', created, standards);
    } catch (e) {
      // The failed Create's rollback Delete cannot tell that this hub is the app's: switch it off again now.
      await sh.send(new DisableSecurityHubCommand({})).catch(() => undefined);
      throw e;
    }
  }
  if ((kind !== 'created' && kind !== 'adopted') || !arn) {
    if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalId }; // rollback of a failed Create
    throw new Error(`Unexpected PhysicalResourceId '${physicalId}' for a Security Hub hub`);
  }
  if (event.RequestType === 'Update') {
    const mine = kind === 'created' ? (await enabledStandards(sh)).map((s) => s.StandardsArn!).filter((a) => names.includes(parseStandardsArn(a)?.name ?? '')) : [];
    return result(kind, arn, mine);
  }
  // Delete: an adopted hub stays as found; a created one loses its standards, then the hub.
  if (kind === 'created') {
    try {
      const mine = (await enabledStandards(sh)).filter((s) => names.includes(parseStandardsArn(s.StandardsArn ?? '')?.name ?? ''));
      if (mine.length) {
        await call(
          'SecurityHub BatchDisableStandards',
          sh.send(new BatchDisableStandardsCommand({ StandardsSubscriptionArns: mine.map((s) => s.StandardsSubscriptionArn!) })),
        );
      }
      await call('SecurityHub DisableSecurityHub', sh.send(new DisableSecurityHubCommand({})));
    } catch (e) {
      if (!isAwsError(e, NOT_SUBSCRIBED)) throw e; // already disabled: done
    }
  }
  return { PhysicalResourceId: physicalId };
}

export const handler = lambdaHandler(onEvent);
