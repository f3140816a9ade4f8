"""CloudFormation: AWS::Logs::MetricFilter is created (and deleted).

AWS: AWS::Logs::MetricFilter puts the filter `FilterName` (else a generated
name) with FilterPattern on LogGroupName; its MetricTransformations
(MetricName, MetricNamespace, MetricValue, DefaultValue, Unit, Dimensions)
are what DescribeMetricFilters returns (metricName, metricNamespace,
metricValue ...). Ref is the filter name. Deleting the stack deletes the
filter.

moto 5.2.1 has no CloudFormation model for the type: the stack reports
CREATE_COMPLETE, DescribeMetricFilters lists nothing, Ref is None.

Patch: registers a CloudFormation model for the type that calls moto's Logs
backend (put_metric_filter with the transformations in the API's camelCase,
delete_metric_filter). AWS::Logs::QueryDefinition stays unsupported: moto
5.2.1 has no PutQueryDefinition / DescribeQueryDefinitions at all.
"""
from typing import Any

from patches import SimpleCfnModel


def _logs(account_id: str, region_name: str) -> Any:
    from moto.logs.models import logs_backends

    return logs_backends[account_id][region_name]


def _camel(transformation: dict[str, Any]) -> dict[str, Any]:
    """MetricTransformations as the PutMetricFilter API names them (MetricName -> metricName)."""
    return {key[0].lower() + key[1:]: value for key, value in transformation.items()}


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnLogsMetricFilter(SimpleCfnModel, CloudFormationModel):
        """AWS::Logs::MetricFilter; Ref is the filter name."""

        CFN_TYPE = "AWS::Logs::MetricFilter"
        NAME_TYPE = "FilterName"

        def __init__(self, name: str, log_group_name: str):
            self.name = name
            self.log_group_name = log_group_name

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            log_group_name = str(props["LogGroupName"])
            transformations = [_camel(t) for t in props.get("MetricTransformations") or []]
            _logs(account_id, region_name).put_metric_filter(resource_name, props.get("FilterPattern", ""), log_group_name, transformations)
            return cls(resource_name, log_group_name)

        def delete(self, account_id: str, region_name: str) -> None:
            _logs(account_id, region_name).delete_metric_filter(self.name, self.log_group_name)
