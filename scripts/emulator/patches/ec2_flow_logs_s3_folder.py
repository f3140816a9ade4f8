"""EC2 CreateFlowLogs: an S3 LogDestination may name a folder inside the bucket.

AWS: `arn:aws:s3:::bucket/vpc/` is a valid flow-log destination; AWS checks
that the *bucket* exists and writes the logs under the `vpc/` prefix.

moto 5.2.1 (FlowLogsBackend.create_flow_logs) looks the whole ARN resource
`bucket/vpc/` up as a bucket name, reports the flow log as unsuccessful
("LogDestination: bucket/vpc/ does not exist."), and an AWS::EC2::FlowLog in
CloudFormation then fails with IndexError.

Patch: while create_flow_logs runs (this thread only), moto's S3 get_bucket
lookup is given the bucket part of the name (everything before the first '/').
The flow log keeps the full destination ARN, as on AWS. Nothing else changes.
"""
import functools
import threading

_state = threading.local()


def apply() -> None:
    from moto.ec2.models.flow_logs import FlowLogsBackend
    from moto.s3.models import S3Backend

    original_create = FlowLogsBackend.create_flow_logs
    original_get_bucket = S3Backend.get_bucket

    @functools.wraps(original_create)
    def create_flow_logs(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        _state.active = True
        try:
            return original_create(self, *args, **kwargs)
        finally:
            _state.active = False

    @functools.wraps(original_get_bucket)
    def get_bucket(self, bucket_name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if getattr(_state, "active", False) and isinstance(bucket_name, str) and "/" in bucket_name:
            bucket_name = bucket_name.split("/", 1)[0]
        return original_get_bucket(self, bucket_name, *args, **kwargs)

    FlowLogsBackend.create_flow_logs = create_flow_logs
    S3Backend.get_bucket = get_bucket
