"""CloudFormation: AWS::CloudTrail::Trail is created (and deleted).

AWS: AWS::CloudTrail::Trail creates the trail `TrailName` (else a generated
name) delivering to `S3BucketName` (S3KeyPrefix, SnsTopicName), with
IsMultiRegionTrail, IncludeGlobalServiceEvents, EnableLogFileValidation,
IsOrganizationTrail, CloudWatchLogsLogGroupArn / CloudWatchLogsRoleArn,
KMSKeyId and Tags; `IsLogging` true starts logging (GetTrailStatus). Ref is
the trail name, GetAtt Arn its ARN (GetAtt SnsTopicArn the topic's).
DescribeTrails / GetTrail return these settings. Deleting the stack deletes
the trail.

moto 5.2.1 has no CloudFormation model for the type: the stack reports
CREATE_COMPLETE, GetTrail answers TrailNotFoundException, Ref is None.

Patch: registers a CloudFormation model for the type that calls moto's
CloudTrail backend (create_trail, start_logging, delete_trail). moto's own
checks apply: the bucket (and a given topic) must exist. Something already
gone counts as deleted.
"""
from typing import Any

from patches import SimpleCfnModel, cfn_bool


def _cloudtrail(account_id: str, region_name: str) -> Any:
    from moto.cloudtrail.models import cloudtrail_backends

    return cloudtrail_backends[account_id][region_name]


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnCloudTrailTrail(SimpleCfnModel, CloudFormationModel):
        """AWS::CloudTrail::Trail; Ref is the trail name, GetAtt Arn its ARN."""

        CFN_TYPE = "AWS::CloudTrail::Trail"
        NAME_TYPE = "TrailName"
        ATTRIBUTES = {"Arn": "arn", "SnsTopicArn": "topic_arn"}

        def __init__(self, name: str, arn: str, topic_arn: str | None):
            self.name = name
            self.arn = arn
            self.topic_arn = topic_arn

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            backend = _cloudtrail(account_id, region_name)
            trail = backend.create_trail(
                name=resource_name,
                bucket_name=props["S3BucketName"],
                s3_key_prefix=props.get("S3KeyPrefix"),
                sns_topic_name=props.get("SnsTopicName"),
                is_global=cfn_bool(props.get("IncludeGlobalServiceEvents", True)),
                is_multi_region=cfn_bool(props.get("IsMultiRegionTrail", False)),
                log_validation=cfn_bool(props.get("EnableLogFileValidation", False)),
                is_org_trail=cfn_bool(props.get("IsOrganizationTrail", False)),
                cw_log_group_arn=props.get("CloudWatchLogsLogGroupArn"),
                cw_role_arn=props.get("CloudWatchLogsRoleArn"),
                kms_key_id=props.get("KMSKeyId"),
                tags_list=props.get("Tags") or [],
            )
            if cfn_bool(props.get("IsLogging", False)):
                backend.start_logging(trail.trail_name)
            return cls(trail.trail_name, trail.arn, trail.topic_arn)

        def delete(self, account_id: str, region_name: str) -> None:
            _cloudtrail(account_id, region_name).delete_trail(self.name)  # moto: a missing trail is a no-op
