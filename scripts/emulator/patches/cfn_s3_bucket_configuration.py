"""CloudFormation AWS::S3::Bucket applies PublicAccessBlockConfiguration, OwnershipControls, VersioningConfiguration and LifecycleConfiguration.

AWS: the bucket is created with the template's
`PublicAccessBlockConfiguration` (GetPublicAccessBlock answers the four flags;
one left out is false), `OwnershipControls` (GetBucketOwnershipControls:
Rules[0].ObjectOwnership), `VersioningConfiguration` (GetBucketVersioning:
Status Enabled/Suspended) and `LifecycleConfiguration` (GetBucketLifecycleConfiguration:
the rules with ID, Status, Filter, Expiration, NoncurrentVersionExpiration,
AbortIncompleteMultipartUpload).

moto 5.2.1: `FakeBucket.create_from_cloudformation_json` applies only
BucketEncryption and Tags: GetPublicAccessBlock answers
NoSuchPublicAccessBlockConfiguration, GetBucketOwnershipControls
OwnershipControlsNotFoundError, GetBucketVersioning no Status,
GetBucketLifecycleConfiguration NoSuchLifecycleConfiguration.

Patch: wraps that classmethod: after moto's create, each of the four
properties present in the template goes through the S3 backend call its API
uses (put_public_access_block, put_bucket_ownership_controls,
put_bucket_versioning, put_bucket_lifecycle_configuration with the rules in the
API's shape: Id, Status, Prefix, ExpirationInDays, ExpiredObjectDeleteMarker,
NoncurrentVersionExpiration(InDays), AbortIncompleteMultipartUpload; other rule
properties are not translated). Absent properties change nothing. Updates stay moto's.
"""
from typing import Any

from patches import after_cfn_create, cfn_bool


def apply() -> None:
    from moto.s3.models import FakeBucket, s3_backends
    from moto.utilities.utils import get_partition

    @after_cfn_create(FakeBucket)
    def bucket_configuration(bucket: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        backend = s3_backends[account_id][get_partition(region_name)]
        pab = props.get("PublicAccessBlockConfiguration")
        if isinstance(pab, dict):
            flags = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")
            backend.put_public_access_block(bucket.name, {k: cfn_bool(pab.get(k, False)) for k in flags})
        rules = (props.get("OwnershipControls") or {}).get("Rules") or []
        if rules and rules[0].get("ObjectOwnership"):
            # moto keeps the ObjectOwnership value itself (as its PutBucketOwnershipControls handler does).
            backend.put_bucket_ownership_controls(bucket.name, rules[0]["ObjectOwnership"])
        status = (props.get("VersioningConfiguration") or {}).get("Status")
        if status:
            backend.put_bucket_versioning(bucket.name, status)
        lifecycle = (props.get("LifecycleConfiguration") or {}).get("Rules") or []
        if lifecycle:
            backend.put_bucket_lifecycle_configuration(bucket.name, [_api_rule(r) for r in lifecycle])


def _api_rule(rule: dict[str, Any]) -> dict[str, Any]:
    """A CloudFormation lifecycle rule in the shape PutBucketLifecycleConfiguration's XML gives moto (values as text)."""
    out: dict[str, Any] = {"Status": rule.get("Status", "Enabled"), "Filter": {"Prefix": rule.get("Prefix", "")}}
    if rule.get("Id"):
        out["ID"] = rule["Id"]
    expiration: dict[str, str] = {}
    if rule.get("ExpirationInDays") is not None:
        expiration["Days"] = str(rule["ExpirationInDays"])
    if rule.get("ExpiredObjectDeleteMarker") is not None:
        expiration["ExpiredObjectDeleteMarker"] = str(cfn_bool(rule["ExpiredObjectDeleteMarker"])).lower()
    if expiration:
        out["Expiration"] = expiration
    nve = rule.get("NoncurrentVersionExpiration") or (
        {"NoncurrentDays": rule["NoncurrentVersionExpirationInDays"]} if rule.get("NoncurrentVersionExpirationInDays") is not None else None
    )
    if nve:
        out["NoncurrentVersionExpiration"] = {"NoncurrentDays": str(nve["NoncurrentDays"])}
    if rule.get("AbortIncompleteMultipartUpload"):
        out["AbortIncompleteMultipartUpload"] = {"DaysAfterInitiation": str(rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"])}
    return out
