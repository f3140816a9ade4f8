"""EC2 flow logs keep DestinationOptions (CreateFlowLogs and AWS::EC2::FlowLog); DescribeFlowLogs returns them.

AWS: CreateFlowLogs takes `DestinationOptions` (FileFormat: plain-text |
parquet, default plain-text; HiveCompatiblePartitions, default false;
PerHourPartition, default false) for an S3 destination, and DescribeFlowLogs
returns them on the flow log as `DestinationOptions: {FileFormat,
HiveCompatiblePartitions, PerHourPartition}`. AWS::EC2::FlowLog passes its
`DestinationOptions` property the same way.

moto 5.2.1: the FlowLogs model has no such field; the CreateFlowLogs handler
never reads the parameter and `FlowLogs.create_from_cloudformation_json`
ignores the property, so DescribeFlowLogs never shows DestinationOptions.
(MaxAggregationInterval is kept and returned by moto, default 600: unchanged.)

Patch: a `destination_options` attribute (None by default, so nothing is
serialized for flow logs created without options) that moto's serializer
returns as DestinationOptions; set, with AWS's defaults for the members left
out, by wrappers of the CreateFlowLogs response handler and of the
AWS::EC2::FlowLog CloudFormation create when the request/template has
DestinationOptions. Nothing is validated (AWS rejects them for non-S3
destinations; moto accepts).
"""
import functools
from typing import Any

from patches import after_cfn_create, cfn_bool


def destination_options(given: Any) -> dict[str, Any] | None:
    """DestinationOptionsRequest -> DestinationOptionsResponse, with AWS's documented defaults."""
    if not isinstance(given, dict):
        return None
    return {
        "FileFormat": given.get("FileFormat") or "plain-text",
        "HiveCompatiblePartitions": cfn_bool(given.get("HiveCompatiblePartitions", False)),
        "PerHourPartition": cfn_bool(given.get("PerHourPartition", False)),
    }


def apply() -> None:
    from moto.ec2.models.flow_logs import FlowLogs
    from moto.ec2.responses.flow_logs import FlowLogs as FlowLogsResponse

    FlowLogs.destination_options = None  # type: ignore[attr-defined]

    original_response = FlowLogsResponse.create_flow_logs

    @functools.wraps(original_response)
    def create_flow_logs(self):  # type: ignore[no-untyped-def]
        result = original_response(self)
        options = destination_options(self._get_param("DestinationOptions"))
        if options is not None:
            for flow_log_id in result.result.get("FlowLogIds", []):
                self.ec2_backend.flow_logs[flow_log_id].destination_options = dict(options)
        return result

    FlowLogsResponse.create_flow_logs = create_flow_logs

    @after_cfn_create(FlowLogs)
    def cfn_destination_options(flow_log: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        options = destination_options(props.get("DestinationOptions"))
        if options is not None:
            flow_log.destination_options = options
