"""CloudFormation: AWS::AutoScaling::ScalingPolicy is created (and deleted).

AWS: AWS::AutoScaling::ScalingPolicy puts the scaling policy of `AutoScalingGroupName`
(PolicyType SimpleScaling, StepScaling, TargetTrackingScaling or PredictiveScaling, with
TargetTrackingConfiguration, AdjustmentType, ScalingAdjustment, Cooldown, StepAdjustments,
EstimatedInstanceWarmup ...); DescribePolicies returns it. Ref is the policy ARN, GetAtt Arn the
same and PolicyName its (generated) name. Deleting the stack deletes the policy.

moto 5.2.1 has the PutScalingPolicy API but no CloudFormation model for the type: the stack reports
CREATE_COMPLETE, DescribePolicies lists nothing, Ref is None.

Patch: registers a CloudFormation model that calls moto's put_scaling_policy (the properties as the
API's parameters) and delete_policy.
"""
from typing import Any

from patches import SimpleCfnModel


def _autoscaling(account_id: str, region_name: str) -> Any:
    from moto.autoscaling.models import autoscaling_backends

    return autoscaling_backends[account_id][region_name]


def _int(value: Any) -> Any:
    return None if value is None else int(value)


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnScalingPolicy(SimpleCfnModel, CloudFormationModel):
        """AWS::AutoScaling::ScalingPolicy; Ref and GetAtt Arn the policy ARN, GetAtt PolicyName."""

        CFN_TYPE = "AWS::AutoScaling::ScalingPolicy"
        PHYSICAL_ID = "arn"
        ATTRIBUTES = {"Arn": "arn", "PolicyName": "name"}

        def __init__(self, name: str, arn: str):
            self.name, self.arn = name, arn

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            policy = _autoscaling(account_id, region_name).put_scaling_policy(
                name=resource_name,
                policy_type=p.get("PolicyType", "SimpleScaling"),
                metric_aggregation_type=p.get("MetricAggregationType"),
                adjustment_type=p.get("AdjustmentType"),
                as_name=p.get("AutoScalingGroupName"),
                min_adjustment_magnitude=p.get("MinAdjustmentMagnitude"),
                scaling_adjustment=_int(p.get("ScalingAdjustment")),
                cooldown=_int(p.get("Cooldown")),
                target_tracking_config=p.get("TargetTrackingConfiguration") or {},
                step_adjustments=p.get("StepAdjustments") or [],
                estimated_instance_warmup=p.get("EstimatedInstanceWarmup"),
                predictive_scaling_configuration=p.get("PredictiveScalingConfiguration") or {},
            )
            return cls(policy.name, policy.arn)

        def delete(self, account_id: str, region_name: str) -> None:
            _autoscaling(account_id, region_name).delete_policy(self.name)  # moto: a missing policy is a no-op
