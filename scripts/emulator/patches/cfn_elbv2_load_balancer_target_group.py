"""CloudFormation: ELBv2 load balancers and target groups get their attributes and tags; listeners and target groups are deleted.

AWS (CloudFormation resource reference, Elastic Load Balancing V2):
- AWS::ElasticLoadBalancingV2::LoadBalancer applies `LoadBalancerAttributes` (access_logs.s3.*,
  routing.http.drop_invalid_header_fields.enabled, deletion_protection.enabled ...:
  DescribeLoadBalancerAttributes) and `Tags` (DescribeTags); GetAtt CanonicalHostedZoneID,
  LoadBalancerFullName (`app/<name>/<id>`), SecurityGroups (the group ids) answer.
- AWS::ElasticLoadBalancingV2::TargetGroup applies `TargetGroupAttributes`
  (deregistration_delay.timeout_seconds ...: DescribeTargetGroupAttributes) and `Tags`.
- Deleting the stack deletes the listeners and the target groups.

moto 5.2.1: the load balancer and target group models pass neither attributes nor tags on
(DescribeLoadBalancerAttributes shows moto's defaults, access logs off; deregistration delay 300;
DescribeTags empty); GetAtt CanonicalHostedZoneID raises NotImplementedError (the stack answers the
unresolved `{'Fn::GetAtt': ...}` text); AWS::ElasticLoadBalancingV2::Listener and ::TargetGroup
have no delete, so the target group stays after DeleteStack.

Patch: completes moto's create (after_cfn_create) with modify_load_balancer_attributes /
modify_target_group_attributes and add_tags; answers the three GetAtt names from the model; adds a
delete to the listener (delete_listener) and the target group (delete_target_group), an already
deleted one counting as deleted.
"""
from typing import Any

from patches import after_cfn_create


def _elbv2(account_id: str, region_name: str) -> Any:
    from moto.elbv2.models import elbv2_backends

    return elbv2_backends[account_id][region_name]


def _pairs(items: Any) -> dict[str, str]:
    return {str(a["Key"]): str(a["Value"]) for a in items or []}


def _tags(p: dict[str, Any]) -> list[dict[str, str]]:
    return [{"Key": t["Key"], "Value": t["Value"]} for t in p.get("Tags") or []]


def apply() -> None:
    from moto.elbv2.models import FakeListener, FakeLoadBalancer, FakeTargetGroup

    @after_cfn_create(FakeLoadBalancer)
    def _load_balancer(lb: Any, p: dict[str, Any], account_id: str, region_name: str) -> None:
        backend = _elbv2(account_id, region_name)
        if p.get("LoadBalancerAttributes"):
            backend.modify_load_balancer_attributes(lb.arn, _pairs(p["LoadBalancerAttributes"]))
        if p.get("Tags"):
            backend.add_tags([lb.arn], _tags(p))

    original_attribute = FakeLoadBalancer.get_cfn_attribute

    def get_cfn_attribute(self: Any, attribute_name: str) -> Any:
        if attribute_name == "CanonicalHostedZoneID":
            return self.canonical_hosted_zone_id
        if attribute_name == "LoadBalancerFullName":
            return "/".join(self.arn.split(":loadbalancer/", 1)[1].split("/")[:3])
        if attribute_name == "SecurityGroups":
            return list(self.security_groups)
        return original_attribute(self, attribute_name)

    FakeLoadBalancer.get_cfn_attribute = get_cfn_attribute

    @after_cfn_create(FakeTargetGroup)
    def _target_group(tg: Any, p: dict[str, Any], account_id: str, region_name: str) -> None:
        backend = _elbv2(account_id, region_name)
        if p.get("TargetGroupAttributes"):
            backend.modify_target_group_attributes(tg.arn, _pairs(p["TargetGroupAttributes"]))
        if p.get("Tags"):
            backend.add_tags([tg.arn], _tags(p))

    def delete_target_group(self: Any, account_id: str, region_name: str) -> None:
        backend = _elbv2(account_id, region_name)
        if self.arn in backend.target_groups:
            backend.delete_target_group(self.arn)

    def delete_listener(self: Any, account_id: str, region_name: str) -> None:
        backend = _elbv2(account_id, region_name)
        if any(self.arn in lb.listeners for lb in backend.load_balancers.values()):
            backend.delete_listener(self.arn)

    FakeTargetGroup.delete = delete_target_group
    FakeListener.delete = delete_listener
