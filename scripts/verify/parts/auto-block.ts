/**
 * Day 2, "GuardDuty automatically blocks suspicious hosts" (only with day2): the network ACL of the
 * public subnets (allow-all baseline, the three public subnets associated), the auto-block function
 * (its settings as the handler reads them), the rule on GuardDuty findings (severity filter) and the
 * expiry schedule, each targeting the function. The function and the ACL are found through the
 * stack's outputs, the rules through the function (ListRuleNamesByTarget).
 */
import { DescribeNatGatewaysCommand, DescribeNetworkAclsCommand } from '@aws-sdk/client-ec2';
import { DescribeRuleCommand, ListRuleNamesByTargetCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { BLOCK_ACL, EXPIRY_SCHEDULE_MINUTES, GUARDDUTY_FINDING_EVENT } from '../../../lib/config/auto-block';
import { webTierNames } from '../../../lib/config/web-tier';
import { workshopNames } from '../../../lib/config/workshop-config';
import { UNSET } from '../labels';
import { Observer } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';

const ACL = 'Network ACL of the public subnets (auto-block)';
const FUNCTION = 'Function auto-block (GuardDuty findings)';
const FINDINGS_RULE = 'EventBridge rule GuardDuty findings -> auto-block';
const EXPIRY_RULE = 'EventBridge rule auto-block expiry';
const BASELINE = `allow all at ${BLOCK_ACL.baselineRuleNumber}`;
/** How the exempt list shows the NAT gateways' Elastic IPs (known only once deployed). */
const NAT_ADDRESSES = "the NAT gateways' addresses";

/**
 * The function's EXEMPT_CIDRS as verify shows it: the /32s of exactly the workshop VPC's NAT
 * gateways' public addresses become NAT_ADDRESSES (any other /32 stays as it is).
 */
async function shownExempt(o: Observer, listed: string): Promise<string> {
  const filters = o.vpcId ? [{ Name: 'vpc-id', Values: [o.vpcId] }] : o.ownFilters();
  const nats = (await o.c.ec2.send(new DescribeNatGatewaysCommand({ Filter: filters }))).NatGateways ?? [];
  const natIps = nats.filter((n) => n.State === 'available' || n.State === 'pending').flatMap((n) => (n.NatGatewayAddresses ?? []).map((a) => `${a.PublicIp}/32`));
  const cidrs = listed.split(',').filter(Boolean);
  const natListed = cidrs.filter((c) => natIps.includes(c));
  if (natIps.length === 0 || natListed.length !== natIps.length) return listed;
  const [first, ...rest] = cidrs.filter((c) => !natListed.includes(c));
  return [first, NAT_ADDRESSES, ...rest].filter(Boolean).join(',');
}

/** The findings rule's pattern, canonical (keys sorted), as the template has it. */
export const findingsPattern = (severity: number) =>
  canonical({ source: [GUARDDUTY_FINDING_EVENT.source], 'detail-type': [GUARDDUTY_FINDING_EVENT.detailType], detail: { severity: [{ numeric: ['>=', severity] }] } });

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function expectedRows({ config }: Scope): ExpectedRow[] {
  if (!config.day2 || !config.parts.includes('network')) return [];
  const subnets = workshopNames(config).publicSubnets.map((s) => s.name).join(', ');
  return [
    ...resourceRows('networkAcl', ACL, [['inbound baseline', BASELINE], ['outbound baseline', BASELINE], ['subnets', subnets]]),
    ...resourceRows('lambdaFunction', FUNCTION, [
      ['WAF IP set', webTierNames(config).blockedHosts],
      ['block hours', config.blockHours],
      ['sample findings block', config.blockSampleFindings],
      ['exempt CIDRs', [config.vpcCidr, NAT_ADDRESSES, ...config.blockExemptCidrs].join(',')],
      ['reserved rules', `${BLOCK_ACL.firstBlockRule}-${BLOCK_ACL.lastBlockRule}`],
    ]),
    ...resourceRows('eventRule', FINDINGS_RULE, [['state', 'ENABLED'], ['pattern', findingsPattern(config.blockSeverity)], ['target', FUNCTION]]),
    ...resourceRows('eventRule', EXPIRY_RULE, [['state', 'ENABLED'], ['schedule', `rate(${EXPIRY_SCHEDULE_MINUTES} minutes)`], ['target', FUNCTION]]),
  ];
}

async function observeAcl(o: Observer, aclId: string | undefined): Promise<void> {
  await o.guard(ACL, async () => {
    const acl = aclId ? (await o.c.ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [aclId] }))).NetworkAcls?.[0] : undefined;
    o.exists(ACL, acl, acl?.NetworkAclId);
    if (!acl) return;
    for (const [attribute, egress] of [['inbound baseline', false], ['outbound baseline', true]] as const) {
      const e = acl.Entries?.find((x) => x.Egress === egress && x.RuleNumber === BLOCK_ACL.baselineRuleNumber);
      o.val(ACL, attribute, e ? `${e.RuleAction === 'allow' && e.CidrBlock === '0.0.0.0/0' && e.Protocol === '-1' ? 'allow all' : `${e.RuleAction} ${e.Protocol} ${e.CidrBlock}`} at ${e.RuleNumber}` : UNSET);
    }
    const names = (acl.Associations ?? []).map((a) => o.ids.get(a.SubnetId ?? '') ?? a.SubnetId ?? UNSET).sort();
    o.val(ACL, 'subnets', names.join(', ') || 'none');
  });
}

async function observeRule(o: Observer, label: string, name: string | undefined, functionArn: string, read: (rule: { EventPattern?: string; ScheduleExpression?: string }) => void): Promise<void> {
  await o.guard(label, async () => {
    const rule = name ? await o.c.events.send(new DescribeRuleCommand({ Name: name })) : undefined;
    o.exists(label, rule, rule?.Name);
    if (!rule) return;
    o.val(label, 'state', rule.State ?? UNSET);
    read(rule);
    const targets = (await o.c.events.send(new ListTargetsByRuleCommand({ Rule: rule.Name }))).Targets ?? [];
    o.val(label, 'target', targets.map((t) => (t.Arn === functionArn ? FUNCTION : t.Arn)).join(', ') || 'none');
  });
}

export const autoBlockPart: VerifyPart = {
  part: 'auto-block',
  expectedRows,
  async observe(o) {
    if (!o.config.day2 || !o.config.parts.includes('network')) return;
    const out = await o.stackOutputs();
    await observeAcl(o, out.AutoBlockNetworkAclId);
    let functionArn = '';
    await o.guard(FUNCTION, async () => {
      const fn = out.AutoBlockFunctionName ? await o.c.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: out.AutoBlockFunctionName })) : undefined;
      o.exists(FUNCTION, fn, fn?.FunctionName);
      if (!fn) return;
      functionArn = fn.FunctionArn ?? '';
      const env = fn.Environment?.Variables ?? {};
      o.val(FUNCTION, 'WAF IP set', env.IP_SET_NAME ?? UNSET);
      o.val(FUNCTION, 'block hours', env.BLOCK_HOURS ?? UNSET);
      o.val(FUNCTION, 'sample findings block', env.BLOCK_SAMPLE_FINDINGS ?? UNSET);
      o.val(FUNCTION, 'exempt CIDRs', env.EXEMPT_CIDRS ? await shownExempt(o, env.EXEMPT_CIDRS) : UNSET, env.EXEMPT_CIDRS);
      o.val(FUNCTION, 'reserved rules', `${env.FIRST_BLOCK_RULE ?? UNSET}-${env.LAST_BLOCK_RULE ?? UNSET}`);
    });
    const names = functionArn ? ((await o.c.events.send(new ListRuleNamesByTargetCommand({ TargetArn: functionArn })).catch(() => undefined))?.RuleNames ?? []) : [];
    const rules = await Promise.all(names.map((Name) => o.c.events.send(new DescribeRuleCommand({ Name }))));
    const findings = rules.find((r) => r.EventPattern?.includes(GUARDDUTY_FINDING_EVENT.source));
    const expiry = rules.find((r) => r.ScheduleExpression);
    await observeRule(o, FINDINGS_RULE, findings?.Name, functionArn, (r) => o.val(FINDINGS_RULE, 'pattern', r.EventPattern ? canonical(JSON.parse(r.EventPattern)) : UNSET));
    await observeRule(o, EXPIRY_RULE, expiry?.Name, functionArn, (r) => o.val(EXPIRY_RULE, 'schedule', r.ScheduleExpression ?? UNSET));
  },
};
