/**
 * Typical CloudFormation CREATE times per resource type, in seconds: ESTIMATES from experience of
 * watching stack events (CREATE_IN_PROGRESS to CREATE_COMPLETE), not measurements of this app. They
 * vary by region and time of day; what matters for `npm run bench` is the order of magnitude, and
 * which resources sit on the longest chain.
 */
export const CREATE_SECONDS: Readonly<Record<string, number>> = {
  // IAM: CloudFormation waits for eventual consistency after most IAM writes.
  'AWS::IAM::Role': 15, // create + propagation wait; usually 10-20 s
  'AWS::IAM::Policy': 15, // inline policy (CDK's DefaultPolicy): attach + propagation wait, ~10-20 s
  'AWS::IAM::ManagedPolicy': 10, // ~5-15 s
  'AWS::IAM::InstanceProfile': 120, // the well-known slow one: CloudFormation waits ~2 min for propagation
  'AWS::IAM::User': 10, // ~5-10 s
  'AWS::IAM::Group': 10, // ~5-10 s
  'AWS::IAM::UserToGroupAddition': 5,
  // EC2 networking
  'AWS::EC2::VPC': 10, // create + DNS attributes, ~5-15 s
  'AWS::EC2::Subnet': 5, // a few seconds
  'AWS::EC2::InternetGateway': 10, // ~5-15 s
  'AWS::EC2::VPCGatewayAttachment': 15, // ~10-20 s
  'AWS::EC2::RouteTable': 5,
  'AWS::EC2::Route': 5, // a route to a NAT gateway waits for the gateway through its Ref, not here
  'AWS::EC2::SubnetRouteTableAssociation': 5,
  'AWS::EC2::EIP': 5, // allocation is quick
  'AWS::EC2::NatGateway': 90, // pending -> available takes ~1-2 min
  'AWS::EC2::SecurityGroup': 5, // ~3-10 s
  'AWS::EC2::FlowLog': 10, // delivery-permission checks, ~5-15 s
  'AWS::EC2::Instance': 30, // until "running" (no CreationPolicy, no status checks): ~20-60 s
  // Storage, logs, analytics
  'AWS::S3::Bucket': 20, // CloudFormation waits for the bucket to become consistent, ~20 s
  'AWS::S3::BucketPolicy': 5,
  'AWS::Logs::LogGroup': 3, // ~1-5 s
  'AWS::Logs::MetricFilter': 3,
  'AWS::Logs::QueryDefinition': 3,
  'AWS::CloudTrail::Trail': 10, // validates bucket policy and log-group role, ~5-15 s
  'AWS::Glue::Database': 3,
  'AWS::Glue::Table': 3,
  'AWS::Athena::WorkGroup': 3,
  'AWS::Athena::NamedQuery': 3,
  // Messaging, monitoring, secrets, compute
  'AWS::SNS::Topic': 10, // ~5-15 s
  'AWS::SNS::TopicPolicy': 10, // ~5-15 s
  'AWS::SNS::Subscription': 5,
  'AWS::CloudWatch::Alarm': 3,
  'AWS::SecretsManager::Secret': 5, // including a generated password
  'AWS::Lambda::Function': 10, // create + wait for the function to become Active, ~5-15 s
  'AWS::CDK::Metadata': 2,
  // Day 2 web tier
  'AWS::EC2::SecurityGroupIngress': 5,
  'AWS::EC2::LaunchTemplate': 5,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 180, // provisioning -> active, usually 2-4 min
  'AWS::ElasticLoadBalancingV2::TargetGroup': 5,
  'AWS::ElasticLoadBalancingV2::Listener': 5,
  'AWS::AutoScaling::AutoScalingGroup': 90, // until the minimum instances are launched (no CreationPolicy), ~1-2 min
  'AWS::AutoScaling::ScalingPolicy': 5, // also creates the target-tracking alarms
  'AWS::WAFv2::IPSet': 5,
  'AWS::WAFv2::WebACL': 5,
  'AWS::WAFv2::WebACLAssociation': 30, // WAF retries until the load balancer is visible to it, ~10-60 s
  'AWS::WAFv2::LoggingConfiguration': 5,
  'AWS::CertificateManager::Certificate': 180, // DNS validation record written, then ACM issues: ~1-5 min
  'AWS::Route53::RecordSet': 40, // CloudFormation waits for the change to be INSYNC, ~30-60 s
};

/**
 * A custom resource (Custom::* or AWS::CloudFormation::CustomResource) takes its handler's time plus
 * CloudFormation's round trip through the response URL; this app's handlers make a few AWS calls and
 * never poll, so ~10 s (Lambda cold start ~1-2 s, handler ~1-5 s, CloudFormation noticing the
 * response ~2-5 s).
 */
export const CUSTOM_RESOURCE_SECONDS = 10;

/** Any type not in the table: a middle-of-the-road guess. */
export const DEFAULT_CREATE_SECONDS = 15;

/**
 * Fixed cost per stack on top of its resources: `cdk deploy` uploads the template, creates a change
 * set (CloudFormation needs ~3-5 s to compute it), executes it and notices completion by polling
 * stack events every few seconds: ~10 s in all, an estimate.
 */
export const STACK_OVERHEAD_SECONDS = 10;

export function typicalCreateSeconds(type: string): number {
  if (type in CREATE_SECONDS) return CREATE_SECONDS[type];
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return CUSTOM_RESOURCE_SECONDS;
  return DEFAULT_CREATE_SECONDS;
}
