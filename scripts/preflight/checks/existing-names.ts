/**
 * Names the app gives that must not exist yet: an account where someone did the workshop by hand
 * already has http-world, ROLE-AmazonEC2RoleforSSM, the read-only user and group, ... and the
 * deploy would fail half-way on the first of them. What belongs to the app's own stack (a deployed
 * or half-deployed copy: its physical id, or its workshop/stack tags) is fine.
 */
import { DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSecurityGroupsCommand, DescribeVpcsCommand, Tag } from '@aws-sdk/client-ec2';
import { GetDatabaseCommand } from '@aws-sdk/client-glue';
import { GetGroupCommand, GetInstanceProfileCommand, GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { GetWorkGroupCommand } from '@aws-sdk/client-athena';
import { PARTICIPANT_NAME_MAX_LENGTH } from '../../../lib/config/validate-config';
import { WorkshopConfig, workshopNames } from '../../../lib/config/workshop-config';

/** stackPrefix's limit (validate-config: a letter and up to 40 letters, digits or hyphens). */
const STACK_PREFIX_MAX_LENGTH = 41;
import { errorName } from '../../operator/errors';
import { isOwn } from '../own';
import { PreflightCheck, PreflightClients } from '../types';

const CHECK = 'Existing names';
const ABSENT = /NoSuchEntity|EntityNotFound|ResourceNotFound|InvalidRequest|NotFound/;

interface Found {
  readonly id: string;
  readonly tags?: readonly Tag[];
}

interface NameProbe {
  /** "IAM role ROLE-AmazonEC2RoleforSSM" */
  readonly what: string;
  find(): Promise<Found | undefined>;
  /** What to do when someone else's exists. */
  readonly action: string;
}

/** undefined when the call answers "not found". */
async function orAbsent(find: () => Promise<Found | undefined>): Promise<Found | undefined> {
  try {
    return await find();
  } catch (e) {
    if (ABSENT.test(errorName(e))) return undefined;
    throw e;
  }
}

/** Physical ids of the app's stack (none when it does not exist). */
async function stackIds(c: PreflightClients, stack: string): Promise<Set<string>> {
  try {
    const out = await c.cfn.send(new DescribeStackResourcesCommand({ StackName: stack }));
    return new Set((out.StackResources ?? []).map((r) => r.PhysicalResourceId ?? '').filter(Boolean));
  } catch {
    return new Set();
  }
}

/** An alternative that is itself a valid setting: the value with "2" appended (or its last character replaced, at the length limit). */
export const another = (value: string, max: number) => (value.length < max ? `${value}2` : `${value.slice(0, max - 1)}2`);

function probes(config: WorkshopConfig, c: PreflightClients): NameProbe[] {
  const n = workshopNames(config);
  const r = config.region;
  const byParticipant = `, or deploy another participant's copy: -c participantName=${another(config.participantName, PARTICIPANT_NAME_MAX_LENGTH)}`;
  const byPrefix = `, or deploy under another stack name: -c stackPrefix=${another(config.stackPrefix, STACK_PREFIX_MAX_LENGTH)}`;
  const iam = (what: string, name: string, get: () => Promise<{ tags?: Tag[] } | undefined>, remove: string, alternative: string): NameProbe => ({
    what: `${what} ${name}`,
    find: () => orAbsent(async () => {
      const got = await get();
      return got ? { id: name, tags: got.tags } : undefined;
    }),
    action: `if no one uses it, delete it (${remove})${alternative}`,
  });
  const handMade = 'the app always uses this name (the workshop text names it)';
  return [
    {
      what: `Security group ${n.webserverSecurityGroup} in the default VPC`,
      find: () => orAbsent(async () => {
        const vpc = (await c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0]?.VpcId;
        if (!vpc) return undefined;
        const filters = [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'group-name', Values: [n.webserverSecurityGroup] }];
        const sg = (await c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters }))).SecurityGroups?.[0];
        return sg ? { id: sg.GroupId!, tags: sg.Tags } : undefined;
      }),
      action: `if no one uses it, delete it (aws ec2 delete-security-group --group-id <id> --region ${r}); ${handMade}`,
    },
    iam('IAM role', n.ssmInstanceRole, async () => ({ tags: (await c.iam.send(new GetRoleCommand({ RoleName: n.ssmInstanceRole }))).Role?.Tags }),
      `remove it from instance profile ${n.ssmInstanceRole}, detach its policies, aws iam delete-role --role-name ${n.ssmInstanceRole}`, `; ${handMade}`),
    iam('IAM instance profile', n.ssmInstanceRole, async () => ({ tags: (await c.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: n.ssmInstanceRole }))).InstanceProfile?.Tags }),
      `aws iam delete-instance-profile --instance-profile-name ${n.ssmInstanceRole}`, `; ${handMade}`),
    iam('IAM user', n.readOnlyUser, async () => ({ tags: (await c.iam.send(new GetUserCommand({ UserName: n.readOnlyUser }))).User?.Tags }),
      `its login profile, group memberships and policies first, then aws iam delete-user --user-name ${n.readOnlyUser}`, byParticipant),
    iam('IAM group', n.readOnlyGroup, async () => { await c.iam.send(new GetGroupCommand({ GroupName: n.readOnlyGroup })); return {}; },
      `remove its users, detach its policies, aws iam delete-group --group-name ${n.readOnlyGroup}`, byParticipant),
    iam('IAM role', n.crossAccountRole, async () => ({ tags: (await c.iam.send(new GetRoleCommand({ RoleName: n.crossAccountRole }))).Role?.Tags }),
      `detach its policies, aws iam delete-role --role-name ${n.crossAccountRole}`, byParticipant),
    ...[n.flowLogGroup, n.investigation.trailLogGroup].map((name): NameProbe => ({
      what: `Log group ${name}`,
      find: async () => {
        const groups = (await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }))).logGroups ?? [];
        return groups.some((g) => g.logGroupName === name) ? { id: name } : undefined;
      },
      action: `if no one needs its logs, delete it (aws logs delete-log-group --log-group-name ${name} --region ${r})` +
        (name === n.flowLogGroup ? `; ${handMade}` : byPrefix),
    })),
    {
      what: `Athena workgroup ${n.investigation.athenaWorkGroup}`,
      find: () => orAbsent(async () => ((await c.athena.send(new GetWorkGroupCommand({ WorkGroup: n.investigation.athenaWorkGroup }))).WorkGroup ? { id: n.investigation.athenaWorkGroup } : undefined)),
      action: `if no one uses it, delete it (aws athena delete-work-group --work-group ${n.investigation.athenaWorkGroup} --recursive-delete-option --region ${r})${byPrefix}`,
    },
    {
      what: `Glue database ${n.investigation.glueDatabase}`,
      find: () => orAbsent(async () => ((await c.glue.send(new GetDatabaseCommand({ Name: n.investigation.glueDatabase }))).Database ? { id: n.investigation.glueDatabase } : undefined)),
      action: `if no one uses it, delete it (aws glue delete-database --name ${n.investigation.glueDatabase} --region ${r})${byPrefix}`,
    },
  ];
}

export const existingNames: PreflightCheck = {
  check: CHECK,
  async run({ config, c }, out) {
    const own = await stackIds(c, workshopNames(config).stack);
    const taken: string[] = [];
    for (const probe of probes(config, c)) {
      const found = await probe.find();
      if (!found) continue;
      if (own.has(found.id) || isOwn(config, found.tags)) {
        taken.push(probe.what);
        continue;
      }
      out.push({ level: 'BLOCKER', check: CHECK, found: `${probe.what} already exists, outside the app's stack: the deploy would fail on it`, action: probe.action });
    }
    if (!out.some((f) => f.check === CHECK)) {
      out.push({
        level: 'INFO',
        check: CHECK,
        found: taken.length > 0 ? `only the app's own: ${taken.join(', ')}` : 'none of the names the app gives exists yet',
        action: '',
      });
    }
  },
};
