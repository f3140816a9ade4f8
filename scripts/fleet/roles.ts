/**
 * The two roles self-managed StackSets need (as AWS documents them): the administration role in the
 * admin account (trusted by CloudFormation, may assume the execution role in any account) and the
 * execution role in each participant account (trusted by the admin account, AdministratorAccess).
 * Their CloudFormation templates, checks that they exist, and creating them.
 */
import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import type { AwsClients } from '../operator/clients';
import { errorMessage, isNotFound } from '../operator/errors';
import { ADMINISTRATION_ROLE, EXECUTION_ROLE, FleetConnection, forEachAccount } from './accounts';
import { sleep } from './progress';
import type { Participant } from './roster';

export const ADMIN_ROLE_STACK = 'AWSCloudFormationStackSetAdministrationRole';
export const EXECUTION_ROLE_STACK = 'AWSCloudFormationStackSetExecutionRole';

export function administrationRoleTemplate(): object {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Configure the AWSCloudFormationStackSetAdministrationRole to enable use of AWS CloudFormation StackSets.',
    Resources: {
      AdministrationRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: ADMINISTRATION_ROLE,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: ['sts:AssumeRole'] }],
          },
          Path: '/',
          Policies: [{
            PolicyName: 'AssumeRole-AWSCloudFormationStackSetExecutionRole',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [`arn:*:iam::*:role/${EXECUTION_ROLE}`] }],
            },
          }],
        },
      },
    },
  };
}

export function executionRoleTemplate(adminAccount?: string): object {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Configure the AWSCloudFormationStackSetExecutionRole to enable use of your account as a target account in AWS CloudFormation StackSets.',
    Parameters: {
      AdministratorAccountId: {
        Type: 'String',
        Description: 'AWS Account Id of the administrator account (the account in which StackSets will be created).',
        MaxLength: 12,
        MinLength: 12,
        ...(adminAccount ? { Default: adminAccount } : {}),
      },
    },
    Resources: {
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: EXECUTION_ROLE,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: [{ Ref: 'AdministratorAccountId' }] }, Action: ['sts:AssumeRole'] }],
          },
          Path: '/',
          ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess' }],
        },
      },
    },
  };
}

export const HOW_TO_CREATE_ROLES =
  'Create them with: npm run fleet -- roles (prints both templates; deploy the administration role in the admin account ' +
  'and the execution role in each participant account), or: npm run fleet -- roles --deploy --admin-account <ADMIN_ID> ' +
  'with each account\'s credentials in turn.';

export interface RoleProblem {
  readonly account: string;
  readonly participant?: string;
  readonly message: string;
}

async function roleMissing(c: AwsClients, role: string): Promise<boolean> {
  try {
    await c.iam.send(new GetRoleCommand({ RoleName: role }));
    return false;
  } catch (e) {
    if (isNotFound(e) || /NoSuchEntity/.test(String((e as Error).name))) return true;
    throw e;
  }
}

/**
 * Self-managed prerequisites: the administration role in the admin account (GetRole), and in each
 * participant account the execution role (assume it, then GetRole through the session: an assume
 * that works but no role, as on the emulator, counts as missing too).
 */
export async function checkRoles(conn: FleetConnection, admin: AwsClients, adminAccount: string, roster: readonly Participant[]): Promise<RoleProblem[]> {
  const problems: RoleProblem[] = [];
  try {
    if (await roleMissing(admin, ADMINISTRATION_ROLE)) {
      problems.push({ account: adminAccount, message: `admin account ${adminAccount} has no ${ADMINISTRATION_ROLE} (trusted by cloudformation.amazonaws.com)` });
    }
  } catch (e) {
    problems.push({ account: adminAccount, message: `admin account ${adminAccount}: cannot read ${ADMINISTRATION_ROLE}: ${errorMessage(e)}` });
  }
  const outcomes = await forEachAccount(conn, admin, roster, EXECUTION_ROLE, (c) => roleMissing(c, EXECUTION_ROLE));
  for (const o of outcomes) {
    const who = `${o.participant.name} (account ${o.participant.accountId})`;
    if (!o.ok) problems.push({ account: o.participant.accountId, participant: o.participant.name, message: `${who}: cannot assume ${EXECUTION_ROLE}: ${o.error}` });
    else if (o.value) problems.push({ account: o.participant.accountId, participant: o.participant.name, message: `${who} has no ${EXECUTION_ROLE} (trusted by the admin account ${adminAccount}, AdministratorAccess)` });
  }
  return problems;
}

/** Creates a role stack with `c` (its account), unless a stack of that name exists; waits until done. */
export async function deployRoleStack(c: AwsClients, stack: string, template: object, parameters: Record<string, string> = {}, pollMs = 2000, maxPolls = 300): Promise<string> {
  const status = async () => (await c.cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0]?.StackStatus;
  let current: string | undefined;
  try {
    current = await status();
  } catch {
    current = undefined;
  }
  if (!current || current === 'DELETE_COMPLETE') {
    await c.cfn.send(new CreateStackCommand({
      StackName: stack, TemplateBody: JSON.stringify(template), Capabilities: ['CAPABILITY_NAMED_IAM'],
      Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    }));
  }
  for (let i = 0; i < maxPolls; i++) {
    current = await status();
    if (current && !current.endsWith('_IN_PROGRESS')) break;
    await sleep(pollMs);
  }
  return current ?? 'UNKNOWN';
}
