/**
 * The emulator patches of the day-2 web tier (scripts/emulator/patches/cfn_wafv2.py,
 * cfn_elbv2_load_balancer_target_group.py, cfn_autoscaling_scaling_policy.py): a stack with the web
 * tier's resource types (fixtures/web-tier.template.json) is created as AWS documents and deleted
 * with nothing left.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand, DescribePoliciesCommand } from '@aws-sdk/client-auto-scaling';
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetLoggingConfigurationCommand, GetWebACLCommand, GetWebACLForResourceCommand, ListIPSetsCommand, ListWebACLsCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';

jest.setTimeout(60_000);

const TEMPLATE = fs.readFileSync(path.join(__dirname, 'fixtures', 'web-tier.template.json'), 'utf8');

let emu: Emulator;
let cfn: CloudFormationClient;
let elb: ElasticLoadBalancingV2Client;
let waf: WAFV2Client;
let asg: AutoScalingClient;

beforeAll(async () => {
  emu = await startEmulator();
  const c = emulatorConfig(emu);
  cfn = new CloudFormationClient(c);
  elb = new ElasticLoadBalancingV2Client(c);
  waf = new WAFV2Client(c);
  asg = new AutoScalingClient(c);
});
afterAll(async () => {
  for (const client of [cfn, elb, waf, asg]) client?.destroy();
  await emu?.stop();
});

const pairs = (list: { Key?: string; Value?: string }[] | undefined) => Object.fromEntries((list ?? []).map((a) => [a.Key, a.Value]));

test('web tier types through CloudFormation: attributes, tags, web ACL and its association and logging, scaling policy; all deleted with the stack', async () => {
  await cfn.send(new CreateStackCommand({ StackName: 'web-tier-patches', TemplateBody: TEMPLATE }));
  const [stack] = (await cfn.send(new DescribeStacksCommand({ StackName: 'web-tier-patches' }))).Stacks ?? [];
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  const outputs = Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));

  // Load balancer: attributes and tags as in the template; GetAtt CanonicalHostedZoneID answers.
  const [lb] = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['t-web'] }))).LoadBalancers ?? [];
  const lbAttributes = pairs((await elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Attributes);
  expect(lbAttributes).toMatchObject({ 'access_logs.s3.enabled': 'true', 'access_logs.s3.prefix': 'alb', 'routing.http.drop_invalid_header_fields.enabled': 'true' });
  expect(lbAttributes['access_logs.s3.bucket']).toMatch(/^web-tier-patches-logs-/);
  const [lbTags] = (await elb.send(new DescribeTagsCommand({ ResourceArns: [lb.LoadBalancerArn!] }))).TagDescriptions ?? [];
  expect(lbTags.Tags).toEqual([{ Key: 'workshop', Value: 'w' }]);
  expect(outputs.LbZone).toBe(lb.CanonicalHostedZoneId);

  // Target group: its attributes and tags.
  const [tg] = (await elb.send(new DescribeTargetGroupsCommand({ Names: ['t-web'] }))).TargetGroups ?? [];
  const tgAttributes = pairs((await elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tg.TargetGroupArn }))).Attributes);
  expect(tgAttributes['deregistration_delay.timeout_seconds']).toBe('30');
  const [tgTags] = (await elb.send(new DescribeTagsCommand({ ResourceArns: [tg.TargetGroupArn!] }))).TagDescriptions ?? [];
  expect(tgTags.Tags).toEqual([{ Key: 'workshop', Value: 'w' }]);

  // WAF: IP set, web ACL (rules by priority), association with the load balancer, logging.
  const [ipSet] = (await waf.send(new ListIPSetsCommand({ Scope: 'REGIONAL' }))).IPSets ?? [];
  expect(ipSet).toMatchObject({ Name: 't-blocked', Id: outputs.IpSetId });
  const [acl] = (await waf.send(new ListWebACLsCommand({ Scope: 'REGIONAL' }))).WebACLs ?? [];
  expect(acl.ARN).toBe(outputs.AclArn);
  const { WebACL } = await waf.send(new GetWebACLCommand({ Name: acl.Name, Id: acl.Id, Scope: 'REGIONAL' }));
  expect(WebACL?.Rules?.map((r) => [r.Priority, r.Name])).toEqual([
    [0, 'BlockedHosts'],
    [1, 'AWSManagedRulesCommonRuleSet'],
  ]);
  expect(WebACL?.Rules?.[0].Statement?.IPSetReferenceStatement?.ARN).toBe(ipSet.ARN);
  expect((await waf.send(new GetWebACLForResourceCommand({ ResourceArn: lb.LoadBalancerArn }))).WebACL?.Name).toBe('t-web');
  const { LoggingConfiguration } = await waf.send(new GetLoggingConfigurationCommand({ ResourceArn: acl.ARN }));
  expect(LoggingConfiguration?.LogDestinationConfigs).toEqual(['arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-t-web']);

  // Auto Scaling: the target tracking policy of the group.
  const { ScalingPolicies } = await asg.send(new DescribePoliciesCommand({ AutoScalingGroupName: 't-web' }));
  expect(ScalingPolicies?.map((p) => [p.PolicyType, p.TargetTrackingConfiguration?.PredefinedMetricSpecification?.PredefinedMetricType, p.TargetTrackingConfiguration?.TargetValue])).toEqual([
    ['TargetTrackingScaling', 'ASGAverageCPUUtilization', 50],
  ]);
  expect((await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Listeners).toHaveLength(1);

  await cfn.send(new DeleteStackCommand({ StackName: 'web-tier-patches' }));
  await expect(cfn.send(new DescribeStacksCommand({ StackName: 'web-tier-patches' }))).rejects.toThrow(/does not exist/);
  expect((await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers).toEqual([]);
  expect((await elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups).toEqual([]);
  expect((await waf.send(new ListIPSetsCommand({ Scope: 'REGIONAL' }))).IPSets).toEqual([]);
  expect((await waf.send(new ListWebACLsCommand({ Scope: 'REGIONAL' }))).WebACLs).toEqual([]);
  expect((await asg.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups).toEqual([]);
  expect((await asg.send(new DescribePoliciesCommand({}))).ScalingPolicies).toEqual([]);
});
