/**
 * The identity part carries no tag of ours on IAM: the named group, user, roles and instance
 * profile, IAM roles named <stack>-*, and the read-only user's console-password secret (one
 * scheduled for deletion is INFO: the name stays reserved until then).
 */
import { GetGroupCommand, GetInstanceProfileCommand, GetRoleCommand, GetUserCommand, ListRolesCommand, Role } from '@aws-sdk/client-iam';
import { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import { LeftoverCheck } from '../scan';

export const iamByName: LeftoverCheck = {
  name: 'IAM by name',
  async run(s) {
    const { iam } = s.c;
    const n = s.names;
    const checks: [string, string, () => Promise<unknown>, string][] = [
      ['IAM group', n.readOnlyGroup, () => iam.send(new GetGroupCommand({ GroupName: n.readOnlyGroup })), `aws iam delete-group --group-name ${n.readOnlyGroup} (after removing its users and policies)`],
      ['IAM user', n.readOnlyUser, () => iam.send(new GetUserCommand({ UserName: n.readOnlyUser })), `aws iam delete-user --user-name ${n.readOnlyUser} (after its login profile, keys, groups)`],
      ['IAM role', n.crossAccountRole, () => iam.send(new GetRoleCommand({ RoleName: n.crossAccountRole })), `aws iam delete-role --role-name ${n.crossAccountRole}`],
      ['IAM role', n.ssmInstanceRole, () => iam.send(new GetRoleCommand({ RoleName: n.ssmInstanceRole })), `aws iam delete-role --role-name ${n.ssmInstanceRole}`],
      ['IAM instance profile', n.ssmInstanceRole, () => iam.send(new GetInstanceProfileCommand({ InstanceProfileName: n.ssmInstanceRole })), `aws iam delete-instance-profile --instance-profile-name ${n.ssmInstanceRole}`],
    ];
    for (const [kind, name, get, action] of checks) {
      await s.lookup(`${kind} ${name}`, async () => {
        await get();
        s.add({ kind, id: `${kind}:${name}`, via: 'IAM Get* by name', detail: name, action });
      });
    }
  },
};

export const iamRolesByPrefix: LeftoverCheck = {
  name: 'IAM roles by prefix',
  run: (s) =>
    s.attempt(`IAM roles named ${s.prefix}*`, async () => {
      const roles: Role[] = [];
      let marker: string | undefined;
      do {
        const page = await s.c.iam.send(new ListRolesCommand({ Marker: marker }));
        roles.push(...(page.Roles ?? []));
        marker = page.IsTruncated ? page.Marker : undefined;
      } while (marker);
      for (const r of roles.filter((x) => x.RoleName?.startsWith(s.prefix))) {
        s.add({ kind: 'IAM role', id: `IAM role:${r.RoleName}`, via: `ListRoles, name starts with ${s.prefix}`, detail: r.RoleName!, action: `aws iam delete-role --role-name ${r.RoleName} (after its policies)` });
      }
    }),
};

export const consolePasswordSecret: LeftoverCheck = {
  name: 'console-password secret',
  run(s) {
    const secret = s.names.readOnlyPasswordSecret;
    return s.lookup(`secret ${secret}`, async () => {
      const found = await s.c.secrets.send(new DescribeSecretCommand({ SecretId: secret }));
      if (found.DeletedDate) {
        const action = `to reuse the name now: aws secretsmanager delete-secret --secret-id ${secret} --force-delete-without-recovery`;
        s.add({ kind: 'secret', id: `secret:${secret}`, via: 'DescribeSecret', detail: `scheduled for deletion (${found.DeletedDate.toISOString()}); the name is reserved until then`, action }, s.info);
      } else {
        s.add({ kind: 'secret', id: `secret:${secret}`, via: 'DescribeSecret', detail: secret, action: `aws secretsmanager delete-secret --secret-id ${secret}` });
      }
    });
  },
};
