"""CloudFormation: AWS::S3::BucketPolicy is applied (and removed); TLS-only statements deny only plain HTTP.

AWS: AWS::S3::BucketPolicy puts `PolicyDocument` on `Bucket`
(GetBucketPolicy returns it); Ref is the bucket name. Deleting the stack
deletes the bucket policy (a bucket already gone counts as done). A
statement with the condition `"Bool": {"aws:SecureTransport": "false"}` (the
TLS-only Deny that CDK's enforceSSL writes) matches only requests made over
plain HTTP; every SDK request to S3 is HTTPS, so it denies nothing to them.

moto 5.2.1: no CloudFormation model for the type: the stack reports
CREATE_COMPLETE, GetBucketPolicy answers NoSuchBucketPolicy, Ref is None.
And once a bucket has a policy, moto's object-level check (GetObject,
PutObject, DeleteObject, DeleteObjects) evaluates no `Bool` condition: the
TLS-only `Deny s3:*` applies to every request, each object call is
AccessDenied (a bucket-emptying custom resource can no longer empty it).

Patch: registers a CloudFormation model for the type that calls moto's S3
backend (put_bucket_policy / delete_bucket_policy), and wraps
FakeBucket.get_permission so that the emulator's endpoint counts as the
HTTPS endpoint it stands for: a statement conditioned on
aws:SecureTransport = false is left out of the evaluation (one conditioned
on true is kept); every other statement is evaluated by moto as before.
"""
import functools
import json
from typing import Any

from patches import SimpleCfnModel

SECURE_TRANSPORT = "aws:securetransport"


def _s3(account_id: str, region_name: str) -> Any:
    from moto.s3.models import s3_backends
    from moto.utilities.utils import get_partition

    return s3_backends[account_id][get_partition(region_name)]


def _matches_tls(statement: dict[str, Any]) -> bool:
    """False for a statement whose Bool condition on aws:SecureTransport excludes a TLS request."""
    for operator, values in (statement.get("Condition") or {}).items():
        if operator.split(":")[-1].lower() not in ("bool", "boolifexists"):
            continue
        for key, value in (values or {}).items():
            if key.lower() == SECURE_TRANSPORT:
                allowed = [str(v).lower() for v in (value if isinstance(value, list) else [value])]
                if "true" not in allowed:
                    return False
    return True


def apply() -> None:
    from moto.core.common_models import CloudFormationModel
    from moto.s3.models import FakeBucket

    class CfnS3BucketPolicy(SimpleCfnModel, CloudFormationModel):
        """AWS::S3::BucketPolicy; Ref is the bucket name."""

        CFN_TYPE = "AWS::S3::BucketPolicy"
        PHYSICAL_ID = "bucket_name"

        def __init__(self, bucket_name: str):
            self.bucket_name = bucket_name

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            bucket_name = str(props["Bucket"])
            document = props["PolicyDocument"]
            text = document if isinstance(document, str) else json.dumps(document)
            _s3(account_id, region_name).put_bucket_policy(bucket_name, text.encode("utf-8"))
            return cls(bucket_name)

        def delete(self, account_id: str, region_name: str) -> None:
            backend = _s3(account_id, region_name)
            if self.bucket_name in backend.buckets:  # a bucket already gone has no policy
                backend.delete_bucket_policy(self.bucket_name)

    original_get_permission = FakeBucket.get_permission

    @functools.wraps(original_get_permission)
    def get_permission(self, action, resource):  # type: ignore[no-untyped-def]
        if self.policy is None:
            return original_get_permission(self, action, resource)
        try:
            policy = json.loads(self.policy)
        except ValueError:
            return original_get_permission(self, action, resource)
        statements = policy.get("Statement")
        if not isinstance(statements, list):
            statements = [statements] if statements else []
        kept = [s for s in statements if isinstance(s, dict) and _matches_tls(s)]
        if len(kept) == len(statements):
            return original_get_permission(self, action, resource)
        from moto.iam.access_control import IAMPolicy, PermissionResult

        if not kept:
            return PermissionResult.NEUTRAL
        return IAMPolicy(json.dumps({**policy, "Statement": kept})).is_action_permitted(action, resource)

    FakeBucket.get_permission = get_permission  # type: ignore[method-assign]
