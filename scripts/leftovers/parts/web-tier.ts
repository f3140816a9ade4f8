/**
 * Day 2, protect. What the web tier names as its own is a leftover when it outlives the stack: the
 * load balancer and target group, the Auto Scaling group and launch template, the web ACL and the
 * blocked-hosts IP set (REGIONAL), the WAF log group (aws-waf-logs-...) and the load balancer's
 * access-log bucket (CloudFormation names it <stack>-webtierloadbalanceraccess...). Checked whatever
 * the settings, since a destroy may be run without -c day2=true. Ids are the ones the tagging check
 * gives the same resources (idOfArn), so each is listed once.
 */
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeLaunchTemplatesCommand } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { ListIPSetsCommand, ListWebACLsCommand } from '@aws-sdk/client-wafv2';
import { webTierNames } from '../../../lib/config/web-tier';
import { LeftoverCheck, Scan } from '../scan';
import { idOfArn } from './tagged';

/** The prefix of the access-log bucket's generated name: <stack>-<logical id>, lower case, cut by CloudFormation. */
export const accessLogBucketPrefix = (s: Scan) => `${s.names.stack.toLowerCase()}-webtierloadbalanceraccess`;

export const webTierLoadBalancing: LeftoverCheck = {
  name: 'web tier load balancer',
  // Describes by name: not found (LoadBalancerNotFound, TargetGroupNotFound) is the answer we hope for.
  run: async (s) => {
    const w = webTierNames(s.config);
    await s.lookup('Elastic Load Balancing load balancer', async () => {
      const lbs = (await s.c.elbv2.send(new DescribeLoadBalancersCommand({ Names: [w.loadBalancer] }))).LoadBalancers ?? [];
      for (const lb of lbs) {
        s.add({
          kind: 'load balancer',
          id: idOfArn(lb.LoadBalancerArn!),
          name: lb.LoadBalancerName,
          via: 'ELBv2 DescribeLoadBalancers',
          detail: `${lb.DNSName} (the web tier's; it bills per hour)`,
          action: `aws elbv2 delete-load-balancer --load-balancer-arn ${lb.LoadBalancerArn} --region ${s.region}`,
        });
      }
    });
    await s.lookup('Elastic Load Balancing target group', async () => {
      const tgs = (await s.c.elbv2.send(new DescribeTargetGroupsCommand({ Names: [w.targetGroup] }))).TargetGroups ?? [];
      for (const tg of tgs) {
        s.add({
          kind: 'target group',
          id: idOfArn(tg.TargetGroupArn!),
          name: tg.TargetGroupName,
          via: 'ELBv2 DescribeTargetGroups',
          detail: "the web tier's target group",
          action: `aws elbv2 delete-target-group --target-group-arn ${tg.TargetGroupArn} --region ${s.region}`,
        });
      }
    });
  },
};

export const webTierFleet: LeftoverCheck = {
  name: 'web tier Auto Scaling group',
  run: async (s) => {
    const w = webTierNames(s.config);
    await s.attempt('Auto Scaling', async () => {
      const groups = (await s.c.autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [w.autoScalingGroup] }))).AutoScalingGroups ?? [];
      for (const g of groups) {
        s.add({
          kind: 'Auto Scaling group',
          id: `autoscaling:${g.AutoScalingGroupName}`,
          name: g.AutoScalingGroupName,
          via: 'AutoScaling DescribeAutoScalingGroups',
          detail: `${g.Instances?.length ?? 0} instances (min ${g.MinSize}): it launches new ones until deleted`,
          action: `aws autoscaling delete-auto-scaling-group --auto-scaling-group-name ${g.AutoScalingGroupName} --force-delete --region ${s.region}`,
        });
      }
    });
    // By name: not found (InvalidLaunchTemplateName.NotFoundException) is the answer we hope for.
    await s.lookup('EC2 launch template', async () => {
      const templates = (await s.c.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: [w.launchTemplate] }))).LaunchTemplates ?? [];
      for (const t of templates) {
        s.add({
          kind: 'launch template',
          id: t.LaunchTemplateId!,
          name: t.LaunchTemplateName,
          via: 'EC2 DescribeLaunchTemplates',
          detail: "the web tier's launch template",
          action: `aws ec2 delete-launch-template --launch-template-id ${t.LaunchTemplateId} --region ${s.region}`,
        });
      }
    });
  },
};

export const webTierWaf: LeftoverCheck = {
  name: 'web tier WAF',
  run: (s) =>
    s.attempt('WAF', async () => {
      const w = webTierNames(s.config);
      const acls = (await s.c.wafv2.send(new ListWebACLsCommand({ Scope: 'REGIONAL' }))).WebACLs ?? [];
      for (const a of acls.filter((x) => x.Name === w.webAcl)) {
        s.add({
          kind: 'WAF web ACL',
          id: idOfArn(a.ARN!),
          name: a.Name,
          via: 'WAFV2 ListWebACLs',
          detail: "the web tier's web ACL (it bills per month)",
          action: `aws wafv2 delete-web-acl --name ${a.Name} --id ${a.Id} --scope REGIONAL --lock-token ${a.LockToken} --region ${s.region}`,
        });
      }
      const sets = (await s.c.wafv2.send(new ListIPSetsCommand({ Scope: 'REGIONAL' }))).IPSets ?? [];
      for (const x of sets.filter((i) => i.Name === w.blockedHosts)) {
        s.add({
          kind: 'WAF IP set',
          id: idOfArn(x.ARN!),
          name: x.Name,
          via: 'WAFV2 ListIPSets',
          detail: 'the blocked-hosts IP set',
          action: `aws wafv2 delete-ip-set --name ${x.Name} --id ${x.Id} --scope REGIONAL --lock-token ${x.LockToken} --region ${s.region}`,
        });
      }
    }),
};

export const webTierLogs: LeftoverCheck = {
  name: 'web tier logs',
  run: async (s) => {
    const w = webTierNames(s.config);
    await s.attempt(`log group ${w.wafLogGroup}`, async () => {
      const groups = (await s.c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: w.wafLogGroup }))).logGroups ?? [];
      for (const g of groups.filter((x) => x.logGroupName === w.wafLogGroup)) {
        s.add({
          kind: 'log group',
          id: `logs:${g.logGroupName}`,
          via: `DescribeLogGroups prefix ${w.wafLogGroup}`,
          detail: `${g.logGroupName} (${g.storedBytes ?? 0} bytes): the WAF logs`,
          action: `aws logs delete-log-group --log-group-name ${g.logGroupName} --region ${s.region}`,
        });
      }
    });
    await s.attempt('load balancer access-log bucket', async () => {
      const prefix = accessLogBucketPrefix(s);
      for (const b of ((await s.c.s3.send(new ListBucketsCommand({}))).Buckets ?? []).filter((x) => x.Name?.startsWith(prefix))) {
        s.add({ kind: 'S3 bucket', id: b.Name!, via: `ListBuckets prefix ${prefix}`, detail: 'the load balancer access logs', action: `aws s3 rb s3://${b.Name} --force` });
      }
    });
  },
};
