"""CloudFormation: AWS::IAM::Group exists, AWS::IAM::User joins its Groups, AWS::IAM::ManagedPolicy is deleted.

AWS: AWS::IAM::Group creates the group (GroupName, else a generated name;
Path; inline Policies; ManagedPolicyArns attached); Ref is the group name,
GetAtt Arn its ARN; deleting it detaches its managed policies, deletes its
inline policies and the group. AWS::IAM::User with `Groups` makes the user a
member of those groups; deleting the user removes it from its groups first.
Deleting an AWS::IAM::ManagedPolicy detaches it from the Groups/Users/Roles
the resource attached it to and deletes the policy.

moto 5.2.1: AWS::IAM::Group has no CloudFormation model ("Tried to parse
AWS::IAM::Group but it's not supported"): no group is created and
`Ref` to it is None; the User model ignores `Groups`; ManagedPolicy has no
CloudFormation delete, so DeleteStack leaves the policy behind
(ListPolicies --scope Local still shows it after the stack is gone).

Patch: registers a CloudFormation model for AWS::IAM::Group (create/delete
through moto's IAM backend; a ManagedPolicyArn moto does not know, e.g. an
AWS managed policy when moto has not loaded them, is skipped, as moto's Role
model skips ManagedPolicyArns altogether); wraps User create/delete for
`Groups`; adds ManagedPolicy.delete_from_cloudformation_json.
"""
import functools
import json
from typing import Any

from patches import SimpleCfnModel, after_cfn_create, cfn_attribute


def _iam(account_id: str, region_name: str) -> Any:
    from moto.iam.models import iam_backends
    from moto.utilities.utils import get_partition

    return iam_backends[account_id][get_partition(region_name)]


def _names(value: Any) -> list[str]:
    return [str(v) for v in (value or []) if v]


def apply() -> None:
    from moto.core.common_models import CloudFormationModel
    from moto.iam.models import Group, ManagedPolicy, User

    class CfnIamGroup(SimpleCfnModel, CloudFormationModel):
        """AWS::IAM::Group; the object CloudFormation keeps is moto's Group."""

        CFN_TYPE = "AWS::IAM::Group"
        NAME_TYPE = "GroupName"
        ATTRIBUTES = {"Arn": "arn"}

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            iam = _iam(account_id, region_name)
            group = iam.create_group(resource_name, props.get("Path") or "/")
            for policy in props.get("Policies") or []:
                document = policy["PolicyDocument"]
                iam.put_group_policy(group.name, policy["PolicyName"], document if isinstance(document, str) else json.dumps(document))
            known = {p.arn for p in iam.managed_policies.values()}
            for arn in _names(props.get("ManagedPolicyArns")):
                if arn in known:
                    iam.attach_group_policy(arn, group.name)
            return group

        @classmethod
        def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):  # type: ignore[no-untyped-def,override]
            iam = _iam(account_id, region_name)
            group = iam.groups.get(resource_name)
            if group is None:
                return  # already gone counts as deleted
            for arn in list(group.managed_policies):
                iam.detach_group_policy(arn, group.name)
            group.policies.clear()
            iam.delete_group(group.name)

    # moto's Group object is what Ref / Fn::GetAtt see.
    Group.physical_resource_id = property(lambda self: self.name)  # type: ignore[attr-defined]
    Group.is_created = CloudFormationModel.is_created  # type: ignore[attr-defined]
    Group.get_cfn_attribute = lambda self, name: cfn_attribute(self, CfnIamGroup.ATTRIBUTES, name)  # type: ignore[method-assign]

    @after_cfn_create(User)
    def join_groups(user: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        iam = _iam(account_id, region_name)
        for group_name in _names(props.get("Groups")):
            iam.add_user_to_group(group_name, user.name)

    original_user_delete = User.delete_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    @functools.wraps(original_user_delete)
    def user_delete(cls, resource_name, cloudformation_json, account_id, region_name):  # type: ignore[no-untyped-def]
        iam = _iam(account_id, region_name)
        user = iam.users.get(resource_name)
        if user is None:
            return
        for group in iam.groups.values():
            if user in group.users:
                group.users.remove(user)
        return original_user_delete(cls, resource_name, cloudformation_json, account_id, region_name)

    User.delete_from_cloudformation_json = classmethod(user_delete)  # type: ignore[method-assign]

    def policy_delete(cls, resource_name, cloudformation_json, account_id, region_name):  # type: ignore[no-untyped-def]
        iam = _iam(account_id, region_name)
        policy = iam.managed_policies.get(resource_name)  # resource_name = physical id = ARN
        if policy is None:
            return
        props = cloudformation_json.get("Properties", {})
        entities = {
            "Groups": lambda n: iam.groups.get(n),
            "Users": lambda n: iam.users.get(n),
            "Roles": lambda n: next((r for r in iam.roles.values() if r.name == n), None),
        }
        for key, find in entities.items():
            for name in _names(props.get(key)):
                entity = find(name)
                if entity is not None and policy.arn in entity.managed_policies:
                    policy.detach_from(entity)
        iam.delete_policy(policy.arn)

    ManagedPolicy.delete_from_cloudformation_json = classmethod(policy_delete)  # type: ignore[method-assign]
