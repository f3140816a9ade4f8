"""CloudFormation AWS::IAM::Role attaches its ManagedPolicyArns (and detaches them on delete).

AWS: the role gets every policy in `ManagedPolicyArns` (customer managed or
AWS managed, e.g. arn:aws:iam::aws:policy/ReadOnlyAccess) attached:
ListAttachedRolePolicies lists them. Deleting the role detaches them first.

moto 5.2.1: `Role.create_from_cloudformation_json` ignores ManagedPolicyArns
(only inline Policies are kept): ListAttachedRolePolicies is empty. Its delete
does not detach managed policies, so a role with attachments could not be
deleted (DeleteConflict "must detach all policies first").

Patch: wraps Role create (after moto's create, attach_role_policy for each
ARN moto knows; AWS managed policies are known because the launcher sets
MOTO_IAM_LOAD_MANAGED_POLICIES=true; an unknown ARN is skipped, as the
AWS::IAM::Group patch does) and Role delete (detach all managed policies,
then moto's delete). Updates stay moto's.
"""
import functools
from typing import Any

from patches import after_cfn_create


def apply() -> None:
    from moto.iam.models import Role, iam_backends
    from moto.utilities.utils import get_partition

    @after_cfn_create(Role)
    def attach_managed_policies(role: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        iam = iam_backends[account_id][get_partition(region_name)]
        for arn in props.get("ManagedPolicyArns") or []:
            if arn in iam.managed_policies and arn not in role.managed_policies:
                iam.attach_role_policy(arn, role.name)

    original_delete = Role.delete_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    @functools.wraps(original_delete)
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):  # type: ignore[no-untyped-def]
        iam = iam_backends[account_id][get_partition(region_name)]
        for role in list(iam.roles.values()):
            if role.name == resource_name:
                for policy in list(role.managed_policies.values()):
                    policy.detach_from(role)
        return original_delete(cls, resource_name, cloudformation_json, account_id, region_name)

    Role.delete_from_cloudformation_json = classmethod(delete_from_cloudformation_json)  # type: ignore[method-assign]
