/**
 * Why a stack ended DELETE_FAILED, from its stack events: which resource blocked it, the
 * reason CloudFormation gave, what to do, and whether running the delete again is safe.
 */
import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import { DescribeNetworkInterfacesCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { errorMessage } from '../operator/errors';

export interface Blocker {
  readonly stack: string;
  readonly logicalId: string;
  readonly physicalId: string;
  readonly type: string;
  readonly reason: string;
  /** Our reading of the reason. */
  readonly cause: string;
  readonly action: string;
  /** Deleting again is safe and may succeed by itself (dependency timing, throttling). */
  readonly retryable: boolean;
  /** What probing the account found (ENIs in a subnet, ...). */
  details?: string[];
}

/** The fields of a StackEvent that matter here (plain strings, so recorded events type-check). */
export interface EventLike {
  readonly StackName?: string;
  readonly LogicalResourceId?: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceType?: string;
  readonly ResourceStatus?: string;
  readonly ResourceStatusReason?: string;
}

interface Rule {
  readonly test: (type: string, reason: string, logicalId: string) => boolean;
  readonly explain: (e: { type: string; physicalId: string; logicalId: string; region: string }) => { cause: string; action: string; retryable: boolean };
}

const isCustom = (type: string) => type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';

const RULES: Rule[] = [
  {
    test: (type, reason) => type === 'AWS::S3::Bucket' && /not empty|BucketNotEmpty/i.test(reason),
    explain: ({ physicalId, region }) => ({
      cause: 'the bucket still holds objects (flow-log deliveries that arrived after the stack emptied it, or objects a participant uploaded)',
      action: `empty it: aws s3 rm s3://${physicalId} --recursive --region ${region} (and old versions if versioning was switched on), then npm run destroy again`,
      retryable: false,
    }),
  },
  {
    test: (type, reason) => type.startsWith('AWS::EC2::') && /DependencyViolation|has dependencies|dependent object|in use|being used|mapped public address/i.test(reason),
    explain: ({ type, physicalId, region }) => {
      const filter = type === 'AWS::EC2::VPC' ? 'vpc-id' : type === 'AWS::EC2::Subnet' ? 'subnet-id' : type === 'AWS::EC2::SecurityGroup' ? 'group-id' : undefined;
      return {
        cause:
          'something still uses it: a network interface, instance, endpoint or subnet created outside the stack (by hand during the workshop), ' +
          'or one the stack just deleted whose release lags (NAT gateway and instance ENIs take minutes)',
        action:
          (filter ? `list what is in it: aws ec2 describe-network-interfaces --filters Name=${filter},Values=${physicalId} --region ${region}; ` : '') +
          'delete what was created by hand; a lagging release clears by itself (npm run destroy retries once)',
        retryable: true,
      };
    },
  },
  {
    test: (type, _reason, logicalId) => isCustom(type) && /guardduty|detector/i.test(logicalId + type),
    explain: ({ region }) => ({
      cause: 'the GuardDuty custom resource could not delete the detector it created (or its handler failed)',
      action: `see the handler's log group (<stack>/Detection/GuardDuty/AdoptOrCreate); check aws guardduty list-detectors --region ${region}; a detector that is a GuardDuty administrator's member cannot be deleted by the member account`,
      retryable: false,
    }),
  },
  {
    test: (type, reason) => isCustom(type) && /timed out|did not receive|timeout/i.test(reason),
    explain: () => ({
      cause: 'the custom resource handler did not answer in time',
      action: "see the handler's log group (<stack>/<construct path of the custom resource>) for the error; deleting again is safe",
      retryable: true,
    }),
  },
  {
    test: (type) => isCustom(type),
    explain: ({ logicalId }) => ({
      cause: `the custom resource handler (${logicalId}) reported FAILED`,
      action: `read its log group (<stack>/<construct path of ${logicalId}>) for the error, fix what it names, then npm run destroy again`,
      retryable: false,
    }),
  },
  {
    test: (type, reason) => type.startsWith('AWS::IAM::') && /DeleteConflict|must (detach|remove|delete)|cannot delete entity/i.test(reason),
    explain: ({ type, physicalId }) => ({
      cause: 'the IAM entity has something attached outside the stack (access keys, a login profile, MFA, policies or group members added by hand)',
      action:
        type === 'AWS::IAM::User'
          ? `aws iam list-access-keys --user-name ${physicalId}; aws iam list-attached-user-policies --user-name ${physicalId}; aws iam list-groups-for-user --user-name ${physicalId}; remove what was added by hand`
          : type === 'AWS::IAM::Group'
            ? `aws iam get-group --group-name ${physicalId}; aws iam list-attached-group-policies --group-name ${physicalId}; remove users and policies added by hand`
            : `aws iam list-attached-role-policies --role-name ${physicalId}; aws iam list-instance-profiles-for-role --role-name ${physicalId}; detach what was added by hand`,
      retryable: false,
    }),
  },
  {
    test: (_type, reason) => /throttl|rate exceeded|did not stabilize|not in the state|try again|internal failure/i.test(reason),
    explain: () => ({ cause: 'a transient condition (throttling or a resource still changing state)', action: 'delete again (npm run destroy retries once)', retryable: true }),
  },
];

/**
 * Blockers of the latest delete attempt, from DescribeStackEvents output (newest first, as
 * CloudFormation returns it).
 */
export function explainEvents(stack: string, events: readonly EventLike[], region = 'us-east-1'): Blocker[] {
  const isStackEvent = (e: EventLike) => e.LogicalResourceId === stack || e.ResourceType === 'AWS::CloudFormation::Stack';
  const start = events.findIndex((e) => isStackEvent(e) && e.ResourceStatus === 'DELETE_IN_PROGRESS');
  const attempt = start >= 0 ? events.slice(0, start + 1) : events;
  const failed = attempt.filter((e) => !isStackEvent(e) && e.ResourceStatus === 'DELETE_FAILED');
  const seen = new Set<string>();
  const out: Blocker[] = [];
  for (const e of failed) {
    const logicalId = e.LogicalResourceId ?? '?';
    if (seen.has(logicalId)) continue;
    seen.add(logicalId);
    const type = e.ResourceType ?? '?';
    const reason = e.ResourceStatusReason ?? '';
    const physicalId = e.PhysicalResourceId ?? '';
    const rule = RULES.find((r) => r.test(type, reason, logicalId));
    const explained = rule
      ? rule.explain({ type, physicalId, logicalId, region })
      : {
          cause: 'not a case this script knows',
          action: `open ${physicalId || logicalId} in the console (CloudFormation > ${stack} > Events), remove what holds it, then npm run destroy again`,
          retryable: false,
        };
    out.push({ stack, logicalId, physicalId, type, reason, ...explained });
  }
  if (out.length === 0) {
    const own = attempt.find((e) => isStackEvent(e) && e.ResourceStatus === 'DELETE_FAILED');
    if (own) {
      out.push({
        stack,
        logicalId: stack,
        physicalId: '',
        type: 'AWS::CloudFormation::Stack',
        reason: own.ResourceStatusReason ?? '',
        cause: 'the stack failed without a resource event',
        action: 'see the reason; npm run destroy again',
        retryable: true,
      });
    }
  }
  return out;
}

export interface StackState {
  readonly stack: string;
  /** undefined: gone. */
  readonly status?: string;
  readonly blockers: Blocker[];
}

async function allEvents(cfn: CloudFormationClient, stack: string): Promise<StackEvent[]> {
  const events: StackEvent[] = [];
  let token: string | undefined;
  do {
    const page = await cfn.send(new DescribeStackEventsCommand({ StackName: stack, NextToken: token }));
    events.push(...(page.StackEvents ?? []));
    token = page.NextToken;
    // The latest attempt is on the first pages; stop once its start is in.
    if (events.some((e) => e.LogicalResourceId === stack && e.ResourceStatus === 'DELETE_IN_PROGRESS')) break;
  } while (token);
  return events;
}

/** What is in a VPC, subnet or security group that blocks its deletion. */
async function probe(ec2: EC2Client, b: Blocker): Promise<string[]> {
  const filter = b.type === 'AWS::EC2::VPC' ? 'vpc-id' : b.type === 'AWS::EC2::Subnet' ? 'subnet-id' : b.type === 'AWS::EC2::SecurityGroup' ? 'group-id' : undefined;
  if (!filter || !b.physicalId) return [];
  const out: string[] = [];
  const enis = (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: filter, Values: [b.physicalId] }] }))).NetworkInterfaces ?? [];
  for (const n of enis) {
    out.push(`network interface ${n.NetworkInterfaceId} (${n.InterfaceType ?? 'interface'}, ${n.Status}${n.Attachment?.InstanceId ? `, instance ${n.Attachment.InstanceId}` : ''}${n.Description ? `, "${n.Description}"` : ''})`);
  }
  if (b.type === 'AWS::EC2::VPC') {
    const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [b.physicalId] }] }))).Subnets ?? [];
    for (const s of subnets) out.push(`subnet ${s.SubnetId} ${s.CidrBlock} (${s.Tags?.find((t) => t.Key === 'Name')?.Value ?? 'no Name tag'})`);
  }
  return out;
}

/** The state of each stack; DELETE_FAILED ones with their blockers (probed when an EC2 client is given). */
export async function inspectStacks(cfn: CloudFormationClient, stacks: readonly string[], opts: { ec2?: EC2Client; region?: string } = {}): Promise<StackState[]> {
  const out: StackState[] = [];
  for (const stack of stacks) {
    let status: string | undefined;
    try {
      status = (await cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0]?.StackStatus;
    } catch (e) {
      if (/does not exist/i.test(errorMessage(e))) status = undefined;
      else throw e;
    }
    if (status === 'DELETE_COMPLETE') status = undefined;
    const blockers = status === 'DELETE_FAILED' ? explainEvents(stack, await allEvents(cfn, stack), opts.region) : [];
    if (opts.ec2) {
      for (const b of blockers) {
        try {
          b.details = await probe(opts.ec2, b);
        } catch (e) {
          b.details = [`(could not look inside: ${errorMessage(e)})`];
        }
      }
    }
    out.push({ stack, status, blockers });
  }
  return out;
}

export function formatStates(states: readonly StackState[]): string {
  const lines: string[] = [];
  for (const s of states) {
    if (!s.status) {
      lines.push(`${s.stack}: deleted`);
      continue;
    }
    lines.push(`${s.stack}: ${s.status}`);
    for (const b of s.blockers) {
      lines.push(`  blocked by ${b.logicalId} (${b.type}${b.physicalId ? ` ${b.physicalId}` : ''})`);
      lines.push(`    reason: ${b.reason}`);
      lines.push(`    cause:  ${b.cause}`);
      for (const d of b.details ?? []) lines.push(`    found:  ${d}`);
      lines.push(`    do:     ${b.action}`);
    }
    if (s.status !== 'DELETE_FAILED') lines.push('  still there: cdk destroy did not get to it (see its output above)');
  }
  return lines.join('\n');
}
