/** Workshop part 1's identity: the read-only group and user, the cross-account role, the SSM instance role and its profile. */
import { GetGroupCommand, GetInstanceProfileCommand, GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { errorName } from '../../operator/errors';
import type { Observer } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';

function expectedRows({ labels: L, names: n }: Scope): ExpectedRow[] {
  return [
    ...resourceRows('iamGroup', L.iamGroup),
    ...resourceRows('iamUser', L.iamUser),
    ...resourceRows('iamRole', L.iamRole(n.crossAccountRole)),
    ...resourceRows('iamRole', L.iamRole(n.ssmInstanceRole)),
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
      if (errorName(e) === 'NoSuchEntityException' || errorName(e) === 'NoSuchEntity') o.exists(label, false);
      else throw e;
    }
  });
}

export const identityPart: VerifyPart = {
  part: 'identity',
  expectedRows,
  async observe(o) {
    const { labels: L, names: n } = o.scope;
    const iam = o.c.iam;
    await iamExists(o, L.iamGroup, () => iam.send(new GetGroupCommand({ GroupName: n.readOnlyGroup })));
    await iamExists(o, L.iamUser, () => iam.send(new GetUserCommand({ UserName: n.readOnlyUser })));
    await iamExists(o, L.iamRole(n.crossAccountRole), () => iam.send(new GetRoleCommand({ RoleName: n.crossAccountRole })));
    await iamExists(o, L.iamRole(n.ssmInstanceRole), () => iam.send(new GetRoleCommand({ RoleName: n.ssmInstanceRole })));
    await iamExists(o, L.instanceProfile, async () => {
      const p = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: n.ssmInstanceRole }));
      o.val(L.instanceProfile, 'roles', (p.InstanceProfile?.Roles ?? []).map((r) => r.RoleName).join(', ') || 'none');
    });
  },
};
