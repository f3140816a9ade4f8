/**
 * The day-2 protect part's table (workshop day 2: "Create a multi-layer secure and high available
 * webserver app architecture", "ALB, Auto Scaling and Certificate Manager", WAF): what the web-tier
 * constructs create and what verify, leftovers, cost and preflight look for.
 */
import type { WorkshopConfig } from './workshop-config';

/** The TLS 1.3 policy of the HTTPS listener (TLS 1.3 and 1.2, forward secrecy only). */
export const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/** The AWS managed rule groups of the web ACL, in rule order after the blocked-hosts rule. */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
] as const;

/** The web ACL's first rule: block what the blocked-hosts IP set holds. */
export const BLOCKED_HOSTS_RULE = 'BlockedHosts';

/** The web ACL's rules in order (priority 0, 1, ...). */
export const WEB_ACL_RULES = [BLOCKED_HOSTS_RULE, ...MANAGED_RULE_GROUPS] as const;

/** CPU target tracking: the Auto Scaling group keeps its average CPU near this percentage. */
export const CPU_TARGET_PERCENT = 50;

/** The target group's health check: GET / on port 80, HTTP 200. */
export const HEALTH_CHECK = { path: '/', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3, httpCode: '200' } as const;

/** Key prefix of the load balancer's access logs in their bucket. */
export const ACCESS_LOG_PREFIX = 'alb';

/** Elastic Load Balancing names (load balancer, target group): at most 32 characters. */
export const ELB_NAME_MAX = 32;

/** Names of the web tier's resources, derived from the stack prefix. */
export function webTierNames(config: WorkshopConfig) {
  const p = config.stackPrefix;
  return {
    loadBalancer: `${p}-web`,
    targetGroup: `${p}-web`,
    autoScalingGroup: `${p}-web`,
    launchTemplate: `${p}-web`,
    /** The Name tag of the instances the group launches. */
    instance: `${p}-web`,
    loadBalancerSecurityGroup: `${p}-web-alb`,
    instanceSecurityGroup: `${p}-web-instances`,
    webAcl: `${p}-web`,
    /** WAF logs to CloudWatch Logs only into a group whose name starts with aws-waf-logs-. */
    wafLogGroup: `aws-waf-logs-${p}-web`,
    /** The blocked-hosts IP set (lib/parts/web-tier/blocked-hosts.ts). */
    blockedHosts: `${p}-blocked-hosts`,
  };
}

export type WebTierNames = ReturnType<typeof webTierNames>;

/** Whether the web tier serves HTTPS: both domainName and hostedZoneId are set. */
export const servesHttps = (config: WorkshopConfig): boolean => config.domainName !== undefined && config.hostedZoneId !== undefined;
