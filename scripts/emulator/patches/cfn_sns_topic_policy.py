"""CloudFormation: AWS::SNS::TopicPolicy is applied (and removed).

AWS: AWS::SNS::TopicPolicy sets `PolicyDocument` as the access policy of
each topic in `Topics` (GetTopicAttributes Policy returns it); Ref is the
resource's generated id. Deleting it gives the topics back their default
access policy (the owner account may do everything); a topic already gone
counts as done.

moto 5.2.1 has no CloudFormation model for the type: the stack reports
CREATE_COMPLETE and the topics keep moto's default policy; Ref is None.

Patch: registers a CloudFormation model for the type that calls moto's SNS
backend (set_topic_attribute "policy", as SetTopicAttributes Policy does;
on delete the default policy moto gives a new topic).
"""
import json
from typing import Any

from patches import SimpleCfnModel


def _sns(account_id: str, region_name: str) -> Any:
    from moto.sns.models import sns_backends

    return sns_backends[account_id][region_name]


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnSnsTopicPolicy(SimpleCfnModel, CloudFormationModel):
        """AWS::SNS::TopicPolicy; Ref is a generated id (stack-logicalId-suffix)."""

        CFN_TYPE = "AWS::SNS::TopicPolicy"
        PHYSICAL_ID = "policy_id"
        ATTRIBUTES = {"Id": "policy_id"}

        def __init__(self, policy_id: str, topic_arns: list[str]):
            self.policy_id = policy_id
            self.topic_arns = topic_arns

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            document = props["PolicyDocument"]
            text = document if isinstance(document, str) else json.dumps(document)
            topic_arns = [str(t) for t in props.get("Topics") or []]
            backend = _sns(account_id, region_name)
            for arn in topic_arns:
                backend.set_topic_attribute(arn, "policy", text)
            return cls(resource_name, topic_arns)

        def delete(self, account_id: str, region_name: str) -> None:
            backend = _sns(account_id, region_name)
            for arn in self.topic_arns:
                topic = backend.topics.get(arn)
                if topic is not None:
                    topic._policy_json = topic._create_default_topic_policy(region_name, topic.account_id, topic.name)
