/**
 * Workshop part 1's identity: the read-only group (ReadOnlyAccess, holding the user), the user
 * (must reset its console password), the cross-account role (trusts exactly the configured
 * account), the SSM instance role (AmazonSSMManagedInstanceCore) and its profile. Content, not
 * only existence.
 */
import {
  GetGroupCommand,
  GetInstanceProfileCommand,
  GetLoginProfileCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { errorName } from '../../operator/errors';
import { list, Observer, policyStatements } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';

const isNoSuchEntity = (e: unknown) => errorName(e) === 'NoSuchEntityException' || errorName(e) === 'NoSuchEntity';

function expectedRows({ config, target, labels: L, names: n }: Scope): ExpectedRow[] {
  const trusted = config.trustedAccountId ?? target.account;
  return [
    ...resourceRows('iamGroup', L.iamGroup, [
      // The app puts IAMUserChangePassword on the group; the console, asked for a password reset at
      // first sign-in, attaches it to the user instead: both carry ReadOnlyAccess.
      ['managed policies', 'IAMUserChangePassword, ReadOnlyAccess', ['ReadOnlyAccess']],
      ['members', n.readOnlyUser],
    ]),
    ...resourceRows('iamUser', L.iamUser, [['password reset required', 'yes']]),
    ...resourceRows('iamRole', L.iamRole(n.crossAccountRole), [
      ['trusted principals', `arn:${target.partition}:iam::${trusted}:root`],
      ['managed policies', 'ReadOnlyAccess'],
    ]),
    ...resourceRows('iamRole', L.iamRole(n.ssmInstanceRole), [
      ['trusted principals', 'ec2.amazonaws.com'],
      ['managed policies', 'AmazonSSMManagedInstanceCore'],
    ]),
    ...resourceRows('instanceProfile', L.instanceProfile, [['roles', n.ssmInstanceRole]]),
  ];
}

/** exists = yes when `get` succeeds, no on NoSuchEntity. */
function iamExists(o: Observer, label: string, get: () => Promise<unknown>): Promise<void> {
  return o.guard(label, async () => {
    try {
      await get();
      o.exists(label, true);
    } catch (e) {
      if (isNoSuchEntity(e)) o.exists(label, false);
      else throw e;
    }
  });
}

const sortedNames = (names: (string | undefined)[]) => names.filter(Boolean).sort().join(', ') || 'none';

/** Who may assume the role: the principals of its trust policy's Allow sts:AssumeRole statements. */
function trustedPrincipals(document: string | undefined): string {
  const principals = policyStatements(document)
    .filter((s) => s.Effect === 'Allow' && list(s.Action).some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*'))
    .flatMap((s) => (typeof s.Principal === 'string' ? [s.Principal] : Object.values(s.Principal ?? {}).flatMap(list)));
  return sortedNames(principals);
}

async function observeRole(o: Observer, iam: IAMClient, name: string): Promise<void> {
  const label = o.scope.labels.iamRole(name);
  await iamExists(o, label, async () => {
    const role = await iam.send(new GetRoleCommand({ RoleName: name }));
    o.val(label, 'trusted principals', trustedPrincipals(role.Role?.AssumeRolePolicyDocument));
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
    o.val(label, 'managed policies', sortedNames((attached.AttachedPolicies ?? []).map((p) => p.PolicyName)));
  });
}

export const identityPart: VerifyPart = {
  part: 'identity',
  expectedRows,
  async observe(o) {
    const { labels: L, names: n } = o.scope;
    const iam = o.c.iam;
    await iamExists(o, L.iamGroup, async () => {
      const group = await iam.send(new GetGroupCommand({ GroupName: n.readOnlyGroup }));
      o.val(L.iamGroup, 'members', sortedNames((group.Users ?? []).map((u) => u.UserName)));
      const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: n.readOnlyGroup }));
      o.val(L.iamGroup, 'managed policies', sortedNames((attached.AttachedPolicies ?? []).map((p) => p.PolicyName)));
    });
    await iamExists(o, L.iamUser, async () => {
      await iam.send(new GetUserCommand({ UserName: n.readOnlyUser }));
      try {
        const profile = await iam.send(new GetLoginProfileCommand({ UserName: n.readOnlyUser }));
        o.val(L.iamUser, 'password reset required', profile.LoginProfile?.PasswordResetRequired ? 'yes' : 'no');
      } catch (e) {
        if (!isNoSuchEntity(e)) throw e;
        o.val(L.iamUser, 'password reset required', 'no console password');
      }
    });
    await observeRole(o, iam, n.crossAccountRole);
    await observeRole(o, iam, n.ssmInstanceRole);
    await iamExists(o, L.instanceProfile, async () => {
      const p = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: n.ssmInstanceRole }));
      o.val(L.instanceProfile, 'roles', (p.InstanceProfile?.Roles ?? []).map((r) => r.RoleName).join(', ') || 'none');
    });
  },
};
