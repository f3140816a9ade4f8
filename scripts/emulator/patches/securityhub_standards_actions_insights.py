"""Security Hub standards, custom actions (action targets) and custom insights, which moto 5.2.1 lacks.

AWS behaviour (Security Hub API reference):
- DescribeStandards (GET /standards) lists the standards the region offers: StandardsArn, Name,
  Description, EnabledByDefault, StandardsManagedBy. Seeded with us-east-1's AWS list: AWS
  Foundational Security Best Practices v1.0.0, CIS AWS Foundations Benchmark v1.2.0 (a `ruleset`
  ARN without region), v1.4.0, v3.0.0, v5.0.0, NIST SP 800-53 v5.0.0, PCI DSS v3.2.1.
- EnableSecurityHub subscribes the default standards (FSBP v1.0.0 and CIS v1.2.0) unless
  EnableDefaultStandards is false; DisableSecurityHub ends every subscription.
- BatchEnableStandards (POST /standards/register) subscribes (StandardsStatus PENDING in the
  answer, READY after); BatchDisableStandards (POST /standards/deregister) unsubscribes (DELETING
  in the answer); GetEnabledStandards (POST /standards/get) lists subscriptions
  (StandardsSubscriptionArn arn:aws:securityhub:<region>:<account>:subscription/<name>/v/<version>),
  optionally only the StandardsSubscriptionArns asked for. An unknown standard ARN:
  InvalidInputException.
- CreateActionTarget (POST /actionTargets: Name, Description, Id) answers ActionTargetArn
  arn:aws:securityhub:<region>:<account>:action/custom/<Id>; the same Id again:
  ResourceConflictException. DescribeActionTargets (POST /actionTargets/get, optional
  ActionTargetArns) lists them; DeleteActionTarget (DELETE /actionTargets/<arn>) answers the ARN,
  an unknown one ResourceNotFoundException.
- CreateInsight (POST /insights: Name, Filters, GroupByAttribute) answers InsightArn
  arn:aws:securityhub:<region>:<account>:insight/<account>/custom/<uuid>; GetInsights
  (POST /insights/get, optional InsightArns) lists them; DeleteInsight (DELETE /insights/<arn>).
  CloudFormation's AWS::SecurityHub::Insight does the same (Ref and GetAtt InsightArn).
- Every one of these calls in a region without a hub: InvalidAccessException "Account <id> is not
  subscribed to AWS Security Hub".

moto 5.2.1 has none of these operations (enable, disable and describe hub, findings and members
only): the SDK gets 404; AWS::SecurityHub::Insight has no model (nothing created, Ref None).
"""
import json
import uuid
from typing import Any
from urllib.parse import unquote

from patches import SimpleCfnModel

_OFFERED = [
    # (ARN after "arn:aws:securityhub:", name, enabled by default)
    ("::ruleset/cis-aws-foundations-benchmark/v/1.2.0", "CIS AWS Foundations Benchmark v1.2.0", True),
    ("{region}::standards/aws-foundational-security-best-practices/v/1.0.0", "AWS Foundational Security Best Practices v1.0.0", True),
    ("{region}::standards/cis-aws-foundations-benchmark/v/1.4.0", "CIS AWS Foundations Benchmark v1.4.0", False),
    ("{region}::standards/cis-aws-foundations-benchmark/v/3.0.0", "CIS AWS Foundations Benchmark v3.0.0", False),
    ("{region}::standards/cis-aws-foundations-benchmark/v/5.0.0", "CIS AWS Foundations Benchmark v5.0.0", False),
    ("{region}::standards/nist-800-53/v/5.0.0", "NIST Special Publication 800-53 Revision 5", False),
    ("{region}::standards/pci-dss/v/3.2.1", "PCI DSS v3.2.1", False),
]


def _error(code: str, message: str) -> Exception:
    from moto.securityhub.exceptions import SecurityHubClientError

    return SecurityHubClientError(code, message)


def _state(backend: Any) -> dict[str, dict[str, Any]]:
    """This account and region's subscriptions, action targets and insights (kept on moto's backend)."""
    if not hasattr(backend, "_workshop_state"):
        backend._workshop_state = {"subscriptions": {}, "actions": {}, "insights": {}}
    return backend._workshop_state  # type: ignore[no-any-return]


def _require_hub(backend: Any) -> dict[str, dict[str, Any]]:
    if not backend.enabled:
        raise _error("InvalidAccessException", f"Account {backend.account_id} is not subscribed to AWS Security Hub")
    return _state(backend)


def _offered(region: str) -> list[dict[str, Any]]:
    return [
        {
            "StandardsArn": f"arn:aws:securityhub:{arn.format(region=region)}",
            "Name": name,
            "Description": name,
            "EnabledByDefault": default,
            "StandardsManagedBy": {"Company": "AWS", "Product": "Security Hub"},
        }
        for arn, name, default in _OFFERED
    ]


def _subscribe(backend: Any, standards_arn: str) -> dict[str, Any]:
    offered = {s["StandardsArn"] for s in _offered(backend.region_name)}
    if standards_arn not in offered:
        raise _error("InvalidInputException", f"StandardsArn {standards_arn} is not a valid standard")
    tail = standards_arn.split(":")[-1].split("/", 1)[1]  # <name>/v/<version>
    sub = {
        "StandardsSubscriptionArn": f"arn:aws:securityhub:{backend.region_name}:{backend.account_id}:subscription/{tail}",
        "StandardsArn": standards_arn,
        "StandardsInput": {},
        "StandardsStatus": "READY",
    }
    _state(backend)["subscriptions"][sub["StandardsSubscriptionArn"]] = sub
    return {**sub, "StandardsStatus": "PENDING"}


def _wanted(items: dict[str, dict[str, Any]], arns: list[str] | None) -> list[dict[str, Any]]:
    return [v for k, v in items.items() if arns is None or k in arns]


def _body(self: Any) -> dict[str, Any]:
    return json.loads(self.body) if self.body else {}


def describe_standards(self: Any) -> str:
    return json.dumps({"Standards": _offered(self.region)})


def batch_enable_standards(self: Any) -> str:
    backend = self.securityhub_backend
    _require_hub(backend)
    requests = _body(self).get("StandardsSubscriptionRequests") or []
    return json.dumps({"StandardsSubscriptions": [_subscribe(backend, r["StandardsArn"]) for r in requests]})


def batch_disable_standards(self: Any) -> str:
    subs = _require_hub(self.securityhub_backend)["subscriptions"]
    out = []
    for arn in _body(self).get("StandardsSubscriptionArns") or []:
        if arn not in subs:
            raise _error("InvalidInputException", f"StandardsSubscriptionArn {arn} is not a subscription of this account")
        out.append({**subs.pop(arn), "StandardsStatus": "DELETING"})
    return json.dumps({"StandardsSubscriptions": out})


def get_enabled_standards(self: Any) -> str:
    subs = _require_hub(self.securityhub_backend)["subscriptions"]
    return json.dumps({"StandardsSubscriptions": _wanted(subs, _body(self).get("StandardsSubscriptionArns"))})


def create_action_target(self: Any) -> str:
    backend = self.securityhub_backend
    actions = _require_hub(backend)["actions"]
    p = _body(self)
    arn = f"arn:aws:securityhub:{backend.region_name}:{backend.account_id}:action/custom/{p['Id']}"
    if arn in actions:
        raise _error("ResourceConflictException", f"An action target with the id {p['Id']} already exists")
    actions[arn] = {"ActionTargetArn": arn, "Name": p["Name"], "Description": p["Description"]}
    return json.dumps({"ActionTargetArn": arn})


def describe_action_targets(self: Any) -> str:
    actions = _require_hub(self.securityhub_backend)["actions"]
    return json.dumps({"ActionTargets": _wanted(actions, _body(self).get("ActionTargetArns"))})


def _arn_in_path(self: Any, segment: str) -> str:
    return unquote(self.path.split(f"/{segment}/", 1)[1])


def delete_action_target(self: Any) -> str:
    actions = _require_hub(self.securityhub_backend)["actions"]
    arn = _arn_in_path(self, "actionTargets")
    if actions.pop(arn, None) is None:
        raise _error("ResourceNotFoundException", f"Action target {arn} not found")
    return json.dumps({"ActionTargetArn": arn})


def _create_insight(backend: Any, name: str, filters: dict[str, Any], group_by: str) -> str:
    insights = _require_hub(backend)["insights"]
    arn = f"arn:aws:securityhub:{backend.region_name}:{backend.account_id}:insight/{backend.account_id}/custom/{uuid.uuid4()}"
    insights[arn] = {"InsightArn": arn, "Name": name, "Filters": filters, "GroupByAttribute": group_by}
    return arn


def _delete_insight(backend: Any, arn: str) -> None:
    if _require_hub(backend)["insights"].pop(arn, None) is None:
        raise _error("ResourceNotFoundException", f"Insight {arn} not found")


def create_insight(self: Any) -> str:
    p = _body(self)
    return json.dumps({"InsightArn": _create_insight(self.securityhub_backend, p["Name"], p.get("Filters") or {}, p["GroupByAttribute"])})


def get_insights(self: Any) -> str:
    insights = _require_hub(self.securityhub_backend)["insights"]
    return json.dumps({"Insights": _wanted(insights, _body(self).get("InsightArns"))})


def delete_insight(self: Any) -> str:
    arn = _arn_in_path(self, "insights")
    _delete_insight(self.securityhub_backend, arn)
    return json.dumps({"InsightArn": arn})


def _backend(account_id: str, region_name: str) -> Any:
    from moto.securityhub.models import securityhub_backends

    return securityhub_backends[account_id][region_name]


def apply() -> None:
    from moto.core.common_models import CloudFormationModel
    from moto.securityhub import urls
    from moto.securityhub.models import SecurityHubBackend
    from moto.securityhub.responses import SecurityHubResponse

    if hasattr(SecurityHubResponse, "describe_standards"):
        return  # a newer moto implements them
    for fn in (
        describe_standards, batch_enable_standards, batch_disable_standards, get_enabled_standards,
        create_action_target, describe_action_targets, delete_action_target,
        create_insight, get_insights, delete_insight,
    ):
        setattr(SecurityHubResponse, fn.__name__, fn)
    for path in ("standards", "standards/register", "standards/deregister", "standards/get", "actionTargets", "actionTargets/get", "insights", "insights/get"):
        urls.url_paths["{0}/" + path + "$"] = SecurityHubResponse.dispatch
    urls.url_paths["{0}/actionTargets/(?P<arn>.+)$"] = SecurityHubResponse.dispatch
    urls.url_paths["{0}/insights/(?P<arn>.+)$"] = SecurityHubResponse.dispatch

    enable, disable = SecurityHubBackend.enable_security_hub, SecurityHubBackend.disable_security_hub

    def enable_security_hub(self: Any, enable_default_standards: bool = True, tags: Any = None) -> Any:
        was = self.enabled
        out = enable(self, enable_default_standards=enable_default_standards, tags=tags)
        if not was and enable_default_standards:
            for s in _offered(self.region_name):
                if s["EnabledByDefault"]:
                    _subscribe(self, s["StandardsArn"])
        return out

    def disable_security_hub(self: Any) -> Any:
        out = disable(self)
        _state(self)["subscriptions"].clear()
        return out

    SecurityHubBackend.enable_security_hub = enable_security_hub  # type: ignore[method-assign]
    SecurityHubBackend.disable_security_hub = disable_security_hub  # type: ignore[method-assign]

    class CfnSecurityHubInsight(SimpleCfnModel, CloudFormationModel):
        """AWS::SecurityHub::Insight; Ref and GetAtt InsightArn are the ARN."""

        CFN_TYPE = "AWS::SecurityHub::Insight"
        PHYSICAL_ID = "arn"
        ATTRIBUTES = {"InsightArn": "arn"}

        def __init__(self, arn: str):
            self.arn = arn

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            return cls(_create_insight(_backend(account_id, region_name), p["Name"], p.get("Filters") or {}, p["GroupByAttribute"]))

        def delete(self, account_id: str, region_name: str) -> None:
            _delete_insight(_backend(account_id, region_name), self.arn)
