"""CloudFormation cannot delete a non-empty S3 bucket.

AWS: deleting an AWS::S3::Bucket that still holds objects fails ("The bucket
you tried to delete is not empty"): the resource is DELETE_FAILED, the stack
DELETE_FAILED, the bucket stays. (That is why templates empty buckets with a
custom resource that must run before the bucket's delete.)

moto 5.2.1: `FakeBucket.delete_from_cloudformation_json` calls
`delete_bucket`, which silently returns None for a non-empty bucket, so the
stack reports DELETE_COMPLETE while the bucket is left behind.

Patch: wraps that one classmethod: if the bucket still has objects, raise
S3's BucketNotEmpty (moto's delete loop retries it after the other resources,
e.g. an emptying custom resource; if it is still not empty the stack is
DELETE_FAILED, see cfn_stack_delete). Otherwise moto's code runs.
"""
import functools


def apply() -> None:
    from moto.s3.exceptions import BucketNotEmpty
    from moto.s3.models import FakeBucket, s3_backends
    from moto.utilities.utils import get_partition

    original = FakeBucket.delete_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    @functools.wraps(original)
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):  # type: ignore[no-untyped-def]
        backend = s3_backends[account_id][get_partition(region_name)]
        bucket = backend.buckets.get(resource_name)
        if bucket is not None and bucket.keys:
            raise BucketNotEmpty(resource_name)
        return original(cls, resource_name, cloudformation_json, account_id, region_name)

    FakeBucket.delete_from_cloudformation_json = classmethod(delete_from_cloudformation_json)  # type: ignore[method-assign]
