"""CloudFormation: AWS::WAFv2::IPSet is created (and deleted).

AWS: AWS::WAFv2::IPSet creates the IP set (Name, Scope, IPAddressVersion,
Addresses, Description, Tags); GetIPSet answers it with a LockToken for
UpdateIPSet. Ref is '<name>|<id>|<scope>'; GetAtt Arn and Id. Deleting the
stack deletes it, whatever addresses calls added since.

moto 5.2.1 has no CloudFormation model for WAFv2 (its API, lock tokens
included, is there): the stack reports CREATE_COMPLETE, no IP set, Ref None.

Patch: registers a model for the type on moto's WAFv2 backend (create_ip_set;
the delete removes it from the backend, as the stack's delete does on AWS
with the current lock token).
"""
from typing import Any

from patches import SimpleCfnModel


def _wafv2(account_id: str, region_name: str) -> Any:
    from moto.wafv2.models import wafv2_backends

    return wafv2_backends[account_id][region_name]


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnWafv2IpSet(SimpleCfnModel, CloudFormationModel):
        """AWS::WAFv2::IPSet; Ref is '<name>|<id>|<scope>'."""

        CFN_TYPE = "AWS::WAFv2::IPSet"
        NAME_TYPE = "Name"
        PHYSICAL_ID = "ref"
        ATTRIBUTES = {"Arn": "arn", "Id": "id"}

        def __init__(self, ip_set: Any):
            self.arn, self.id, self.name, self.scope = ip_set.arn, ip_set.ip_set_id, ip_set.name, ip_set.scope
            self.ref = f"{self.name}|{self.id}|{self.scope}"

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            ip_set = _wafv2(account_id, region_name).create_ip_set(
                name=str(p.get("Name") or resource_name), scope=str(p["Scope"]), description=p.get("Description"),
                ip_address_version=str(p["IPAddressVersion"]), addresses=list(p.get("Addresses") or []), tags=p.get("Tags") or [],
            )
            return cls(ip_set)

        def delete(self, account_id: str, region_name: str) -> None:
            _wafv2(account_id, region_name).ip_sets.pop(self.arn, None)
