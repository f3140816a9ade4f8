/**
 * Reaching each participant's account: the admin account's clients (the caller's credentials), and
 * per participant a session of a role in their account (default the StackSet execution role) with
 * SDK clients on it. `forEachAccount` runs a step in every account side by side and keeps each
 * account's result or error apart, so one unreachable account never hides the others.
 */
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import type { Env } from '../../lib/aws/clients';
import { awsClients, AwsClients, Credentials } from '../operator/clients';
import { errorMessage } from '../operator/errors';
import type { Participant } from './roster';

export const EXECUTION_ROLE = 'AWSCloudFormationStackSetExecutionRole';
export const ADMINISTRATION_ROLE = 'AWSCloudFormationStackSetAdministrationRole';

export interface FleetConnection {
  readonly region: string;
  /** AWS_ENDPOINT_URL and credentials (an emulator's); default process.env. */
  readonly env?: Env;
}

export function adminClients(conn: FleetConnection): AwsClients {
  return awsClients(conn.region, { env: conn.env });
}

export function roleArn(account: string, role: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:role/${role}`;
}

/** Credentials of a session of `role` in `account`, assumed with the admin account's credentials. */
export async function assumeRole(admin: AwsClients, account: string, role = EXECUTION_ROLE): Promise<Credentials> {
  const res = await admin.sts.send(new AssumeRoleCommand({ RoleArn: roleArn(account, role), RoleSessionName: `workshop-fleet-${account}`, DurationSeconds: 3600 }));
  const c = res.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole ${roleArn(account, role)} returned no credentials`);
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

/** SDK clients inside a participant's account (through `role`). Close them with destroy(). */
export async function accountClients(conn: FleetConnection, admin: AwsClients, account: string, role = EXECUTION_ROLE): Promise<AwsClients> {
  const credentials = await assumeRole(admin, account, role);
  return awsClients(conn.region, { env: conn.env, credentials });
}

export type AccountOutcome<T> = { readonly participant: Participant } & ({ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string });

/** Runs `step` in every participant's account at once (through `role`); each outcome separately. */
export async function forEachAccount<T>(
  conn: FleetConnection, admin: AwsClients, roster: readonly Participant[], role: string,
  step: (c: AwsClients, p: Participant, credentials: Credentials) => Promise<T>,
): Promise<AccountOutcome<T>[]> {
  return Promise.all(roster.map(async (participant): Promise<AccountOutcome<T>> => {
    let c: AwsClients | undefined;
    try {
      const credentials = await assumeRole(admin, participant.accountId, role);
      c = awsClients(conn.region, { env: conn.env, credentials });
      return { participant, ok: true, value: await step(c, participant, credentials) };
    } catch (e) {
      return { participant, ok: false, error: errorMessage(e) };
    } finally {
      c?.destroy();
    }
  }));
}
