"""CloudFormation: AWS::WAFv2::IPSet, WebACL, WebACLAssociation and LoggingConfiguration are created (and deleted).

AWS (CloudFormation resource reference, WAFv2):
- AWS::WAFv2::IPSet creates the IP set (Name, Scope, IPAddressVersion, Addresses, Description, Tags):
  ListIPSets/GetIPSet return it; Ref is `Name|Id|Scope`; GetAtt Arn and Id.
- AWS::WAFv2::WebACL creates the web ACL (Name, Scope, DefaultAction, VisibilityConfig, Rules in
  their priorities, Description, Tags; a rule's IPSetReferenceStatement names an IP set by ARN):
  GetWebACL returns it; Ref is `Name|Id|Scope`; GetAtt Arn, Id, Capacity, LabelNamespace.
- AWS::WAFv2::WebACLAssociation associates the web ACL (WebACLArn) with the resource (ResourceArn,
  e.g. an Application Load Balancer): GetWebACLForResource answers it. Deleting disassociates.
- AWS::WAFv2::LoggingConfiguration puts the logging configuration of the web ACL (ResourceArn,
  LogDestinationConfigs, RedactedFields, LoggingFilter): GetLoggingConfiguration answers it; Ref is
  the web ACL's ARN. Deleting deletes it.
Deleting the stack deletes each (CloudFormation takes the lock token itself).

moto 5.2.1 has the WAFv2 API but no CloudFormation model for any of these types: the stack reports
CREATE_COMPLETE with nothing created (Ref None), and a GetAtt of one in Outputs fails CreateStack
with HTTP 500 ('NoneType' object has no attribute 'has_cfn_attr').

CloudFormation names a reference statement's ARN `Arn` (IPSetReferenceStatement.Arn), the API
`ARN`: GetWebACL answers `ARN`.

Patch: registers a CloudFormation model for each type that calls moto's WAFv2 backend
(create_ip_set/delete_ip_set, create_web_acl/delete_web_acl, associate_web_acl/disassociate_web_acl,
put_logging_configuration/delete_logging_configuration). Updates are not modelled (create and delete only).
"""
from typing import Any

from patches import SimpleCfnModel


def _wafv2(account_id: str, region_name: str) -> Any:
    from moto.wafv2.models import wafv2_backends

    return wafv2_backends[account_id][region_name]


def _tags(p: dict[str, Any]) -> list[dict[str, str]]:
    return [{"Key": t["Key"], "Value": t["Value"]} for t in p.get("Tags") or []]


def _api_statement(value: Any) -> Any:
    """A CloudFormation rule in the API's shape: CloudFormation names the ARN of a reference statement
    (IPSetReferenceStatement, RegexPatternSetReferenceStatement, RuleGroupReferenceStatement) `Arn`,
    the API `ARN`."""
    if isinstance(value, list):
        return [_api_statement(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _api_statement(v) for k, v in value.items()}
    for key, inner in out.items():
        if key.endswith("ReferenceStatement") and isinstance(inner, dict) and "Arn" in inner:
            inner["ARN"] = inner.pop("Arn")
    return out


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnWafIpSet(SimpleCfnModel, CloudFormationModel):
        """AWS::WAFv2::IPSet; Ref Name|Id|Scope, GetAtt Arn and Id."""

        CFN_TYPE = "AWS::WAFv2::IPSet"
        NAME_TYPE = "Name"
        PHYSICAL_ID = "ref"
        ATTRIBUTES = {"Arn": "arn", "Id": "id"}

        def __init__(self, ip_set: Any):
            self.name, self.id, self.arn, self.scope = ip_set.name, ip_set.ip_set_id, ip_set.arn, ip_set.scope
            self.ref = f"{self.name}|{self.id}|{self.scope}"

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            ip_set = _wafv2(account_id, region_name).create_ip_set(
                name=resource_name,
                scope=p.get("Scope"),
                description=p.get("Description"),
                ip_address_version=p.get("IPAddressVersion"),
                addresses=list(p.get("Addresses") or []),
                tags=_tags(p),
            )
            return cls(ip_set)

        def delete(self, account_id: str, region_name: str) -> None:
            backend = _wafv2(account_id, region_name)
            current = backend.ip_sets.get(self.arn)
            if current is not None:  # already gone counts as deleted
                backend.delete_ip_set(self.name, self.scope, self.id, current.lock_token)

    class CfnWafWebAcl(SimpleCfnModel, CloudFormationModel):
        """AWS::WAFv2::WebACL; Ref Name|Id|Scope, GetAtt Arn, Id, Capacity, LabelNamespace."""

        CFN_TYPE = "AWS::WAFv2::WebACL"
        NAME_TYPE = "Name"
        PHYSICAL_ID = "ref"
        ATTRIBUTES = {"Arn": "arn", "Id": "id", "Capacity": "capacity", "LabelNamespace": "label_namespace"}

        def __init__(self, acl: Any, scope: str):
            self.name, self.id, self.arn, self.scope = acl.name, acl.id, acl.arn, scope
            self.capacity, self.label_namespace = acl.capacity, acl.label_namespace
            self.ref = f"{self.name}|{self.id}|{self.scope}"

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            acl = _wafv2(account_id, region_name).create_web_acl(
                name=resource_name,
                visibility_config=p.get("VisibilityConfig"),
                default_action=p.get("DefaultAction"),
                scope=p.get("Scope"),
                description=p.get("Description"),
                tags=_tags(p),
                rules=_api_statement(sorted(p.get("Rules") or [], key=lambda r: int(r.get("Priority", 0)))),
                association_config=p.get("AssociationConfig"),
                captcha_config=p.get("CaptchaConfig"),
                challenge_config=p.get("ChallengeConfig"),
                custom_response_bodies=p.get("CustomResponseBodies"),
                token_domains=p.get("TokenDomains"),
            )
            return cls(acl, p.get("Scope"))

        def delete(self, account_id: str, region_name: str) -> None:
            backend = _wafv2(account_id, region_name)
            current = backend.wacls.get(self.arn)
            if current is not None:
                backend.delete_web_acl(self.name, self.scope, self.id, current.lock_token)

    class CfnWafWebAclAssociation(SimpleCfnModel, CloudFormationModel):
        """AWS::WAFv2::WebACLAssociation; the physical id is the associated resource's ARN."""

        CFN_TYPE = "AWS::WAFv2::WebACLAssociation"
        PHYSICAL_ID = "resource_arn"

        def __init__(self, resource_arn: str, web_acl_arn: str):
            self.resource_arn, self.web_acl_arn = resource_arn, web_acl_arn

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            _wafv2(account_id, region_name).associate_web_acl(p.get("WebACLArn"), p.get("ResourceArn"))
            return cls(p.get("ResourceArn"), p.get("WebACLArn"))

        def delete(self, account_id: str, region_name: str) -> None:
            _wafv2(account_id, region_name).disassociate_web_acl(self.resource_arn)  # moto: not associated is a no-op

    class CfnWafLoggingConfiguration(SimpleCfnModel, CloudFormationModel):
        """AWS::WAFv2::LoggingConfiguration; Ref is the web ACL's ARN."""

        CFN_TYPE = "AWS::WAFv2::LoggingConfiguration"
        PHYSICAL_ID = "resource_arn"

        def __init__(self, resource_arn: str):
            self.resource_arn = resource_arn

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            _wafv2(account_id, region_name).put_logging_configuration(
                p.get("ResourceArn"), list(p.get("LogDestinationConfigs") or []), p.get("RedactedFields"), False, p.get("LoggingFilter")
            )
            return cls(p.get("ResourceArn"))

        def delete(self, account_id: str, region_name: str) -> None:
            backend = _wafv2(account_id, region_name)
            if self.resource_arn in backend.logging_configurations:
                backend.delete_logging_configuration(self.resource_arn)
