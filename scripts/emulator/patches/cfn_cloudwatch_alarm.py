"""CloudFormation: AWS::CloudWatch::Alarm is created (and deleted).

AWS: AWS::CloudWatch::Alarm puts the metric alarm `AlarmName` (else a
generated name): MetricName, Namespace, Dimensions, Statistic /
ExtendedStatistic, Period, EvaluationPeriods, DatapointsToAlarm, Threshold,
ComparisonOperator, TreatMissingData, AlarmActions / OKActions /
InsufficientDataActions, ActionsEnabled (default true), AlarmDescription,
Unit, Tags, or `Metrics` (metric math). DescribeAlarms returns them. Ref is
the alarm name, GetAtt Arn its ARN. Deleting the stack deletes the alarm.

moto 5.2.1 has no CloudFormation model for the type: the stack reports
CREATE_COMPLETE, DescribeAlarms lists nothing, Ref is None.

Patch: registers a CloudFormation model for the type that calls moto's
CloudWatch backend (put_metric_alarm, with `Metrics` converted as moto's
PutMetricAlarm handler does; delete_alarms). AWS::CloudWatch::CompositeAlarm
stays unsupported (not used by this app).
"""
from typing import Any

from patches import SimpleCfnModel, cfn_bool


def _cloudwatch(account_id: str, region_name: str) -> Any:
    from moto.cloudwatch.models import cloudwatch_backends

    return cloudwatch_backends[account_id][region_name]


def _metric_data_queries(metrics: list[dict[str, Any]] | None) -> list[Any] | None:
    """CloudFormation `Metrics` -> moto's MetricDataQuery objects (as moto's PutMetricAlarm handler builds them)."""
    if not metrics:
        return None
    from moto.cloudwatch.models import Dimension, Metric, MetricDataQuery, MetricStat

    queries = []
    for metric in metrics:
        stat = metric.get("MetricStat") or {}
        inner = stat.get("Metric") or {}
        metric_stat = None
        if inner.get("MetricName"):
            metric_stat = MetricStat(
                metric=Metric(
                    metric_name=inner["MetricName"],
                    namespace=inner.get("Namespace"),
                    dimensions=[Dimension(name=d.get("Name"), value=d.get("Value")) for d in inner.get("Dimensions") or []],
                ),
                period=stat.get("Period"),
                stat=stat.get("Stat"),
                unit=stat.get("Unit"),
            )
        queries.append(
            MetricDataQuery(
                query_id=metric.get("Id"),
                label=metric.get("Label"),
                period=metric.get("Period"),
                return_data=metric.get("ReturnData"),
                expression=metric.get("Expression"),
                metric_stat=metric_stat,
            )
        )
    return queries


def _number(value: Any) -> Any:
    return None if value is None else float(value)


def _int(value: Any) -> Any:
    return None if value is None else int(value)


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnCloudWatchAlarm(SimpleCfnModel, CloudFormationModel):
        """AWS::CloudWatch::Alarm; Ref is the alarm name, GetAtt Arn its ARN."""

        CFN_TYPE = "AWS::CloudWatch::Alarm"
        NAME_TYPE = "AlarmName"
        ATTRIBUTES = {"Arn": "arn"}

        def __init__(self, name: str, arn: str):
            self.name = name
            self.arn = arn

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            alarm = _cloudwatch(account_id, region_name).put_metric_alarm(
                name=resource_name,
                namespace=p.get("Namespace"),
                metric_name=p.get("MetricName"),
                comparison_operator=p.get("ComparisonOperator"),
                evaluation_periods=_int(p.get("EvaluationPeriods")),
                period=_int(p.get("Period")),
                threshold=_number(p.get("Threshold")),
                statistic=p.get("Statistic"),
                description=p.get("AlarmDescription"),
                dimensions=p.get("Dimensions") or [],
                alarm_actions=p.get("AlarmActions") or [],
                metric_data_queries=_metric_data_queries(p.get("Metrics")),
                datapoints_to_alarm=_int(p.get("DatapointsToAlarm")),
                extended_statistic=p.get("ExtendedStatistic"),
                ok_actions=p.get("OKActions") or [],
                insufficient_data_actions=p.get("InsufficientDataActions") or [],
                unit=p.get("Unit"),
                actions_enabled=cfn_bool(p.get("ActionsEnabled", True)),
                treat_missing_data=p.get("TreatMissingData"),
                evaluate_low_sample_count_percentile=p.get("EvaluateLowSampleCountPercentile"),
                threshold_metric_id=p.get("ThresholdMetricId"),
                tags=p.get("Tags") or [],
            )
            return cls(alarm.name, alarm.alarm_arn)

        def delete(self, account_id: str, region_name: str) -> None:
            _cloudwatch(account_id, region_name).delete_alarms([self.name])  # moto: a missing alarm is a no-op
