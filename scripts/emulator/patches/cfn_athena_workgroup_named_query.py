"""CloudFormation: AWS::Athena::WorkGroup and AWS::Athena::NamedQuery are created (and deleted).

AWS: AWS::Athena::WorkGroup creates the workgroup `Name` with Description,
State, Tags and `WorkGroupConfiguration` (EnforceWorkGroupConfiguration,
PublishCloudWatchMetricsEnabled, BytesScannedCutoffPerQuery, EngineVersion,
ResultConfiguration with OutputLocation and EncryptionConfiguration ...),
which GetWorkGroup returns as `Configuration`; Ref is the workgroup name.
Deleting it with RecursiveDeleteOption true also deletes its saved queries.
AWS::Athena::NamedQuery saves a query (Name, Description, Database,
QueryString, WorkGroup, default "primary"); Ref is the NamedQueryId (a UUID),
GetAtt NamedQueryId too; ListNamedQueries(WorkGroup) lists it. Deleting the
stack deletes the saved queries, then the workgroup.

moto 5.2.1 has no CloudFormation model for either type: the stack reports
CREATE_COMPLETE, GetWorkGroup answers nothing for the name, no named query
exists, and Ref to them is None.

Patch: registers CloudFormation models for both types that call moto's
Athena backend (create_work_group / delete_work_group, create_named_query).
moto has no DeleteNamedQuery: a saved query is deleted by removing it from
the backend's `named_queries` (what DeleteNamedQuery does on AWS), also for
a workgroup deleted with RecursiveDeleteOption. The effective engine version
of "AUTO" or "Athena engine version 3" is "Athena engine version 3" (as moto's
own default). Something already gone counts as deleted.
"""
from typing import Any

from patches import SimpleCfnModel, cfn_bool

ENGINE_3 = "Athena engine version 3"


def _athena(account_id: str, region_name: str) -> Any:
    from moto.athena.models import athena_backends

    return athena_backends[account_id][region_name]


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnAthenaWorkGroup(SimpleCfnModel, CloudFormationModel):
        """AWS::Athena::WorkGroup; Ref is the workgroup name."""

        CFN_TYPE = "AWS::Athena::WorkGroup"
        NAME_TYPE = "Name"
        ATTRIBUTES = {"CreationTime": None, "WorkGroupConfiguration.EngineVersion.EffectiveEngineVersion": "effective_engine_version"}
        effective_engine_version = ENGINE_3

        def __init__(self, name: str, recursive_delete: bool):
            self.name = name
            self.recursive_delete = recursive_delete

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            configuration = dict(props.get("WorkGroupConfiguration") or {})
            engine = dict(configuration.get("EngineVersion") or {"SelectedEngineVersion": "AUTO"})
            if engine.get("SelectedEngineVersion") in ("AUTO", ENGINE_3):
                engine["EffectiveEngineVersion"] = ENGINE_3
            configuration["EngineVersion"] = engine
            backend = _athena(account_id, region_name)
            backend.create_work_group(resource_name, configuration, props.get("Description") or "", props.get("Tags") or [])
            backend.work_groups[resource_name].state = props.get("State") or "ENABLED"
            return cls(resource_name, cfn_bool(props.get("RecursiveDeleteOption", False)))

        def delete(self, account_id: str, region_name: str) -> None:
            backend = _athena(account_id, region_name)
            if self.recursive_delete:
                for query_id in [i for i, q in backend.named_queries.items() if q.workgroup.name == self.name]:
                    backend.named_queries.pop(query_id, None)
            backend.delete_work_group(self.name)

    class CfnAthenaNamedQuery(SimpleCfnModel, CloudFormationModel):
        """AWS::Athena::NamedQuery; Ref (and GetAtt NamedQueryId) is the query's id."""

        CFN_TYPE = "AWS::Athena::NamedQuery"
        NAME_TYPE = ""  # Name is a display name, not the identifier
        PHYSICAL_ID = "query_id"
        ATTRIBUTES = {"NamedQueryId": "query_id"}

        def __init__(self, query_id: str):
            self.query_id = query_id

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            query_id = _athena(account_id, region_name).create_named_query(
                props.get("Name") or resource_name,
                props.get("Description") or "",
                props["Database"],
                props["QueryString"],
                props.get("WorkGroup") or "primary",
            )
            return cls(query_id)

        def delete(self, account_id: str, region_name: str) -> None:
            _athena(account_id, region_name).named_queries.pop(self.query_id, None)
