"""CloudFormation: AWS::Glue::Database and AWS::Glue::Table are created (and deleted).

AWS: AWS::Glue::Database creates the Data Catalog database `DatabaseInput`
(Name, Description, LocationUri, Parameters ...); Ref is the database name.
AWS::Glue::Table creates the table `TableInput` (Name, TableType, Parameters,
PartitionKeys, StorageDescriptor with Columns, Location, SerdeInfo ...) in
`DatabaseName`; Ref is the table name. GetDatabase / GetTable return what the
template gave. Deleting the stack deletes the tables, then the database.
(CatalogId is the account: one catalog per account and region.)

moto 5.2.1 has no CloudFormation model for either type ("Tried to parse
AWS::Glue::Database but it's not supported"): the stack reports
CREATE_COMPLETE but GetDatabase / GetTable answer EntityNotFoundException,
and Ref to them is None (so a table's DatabaseName, a named query's Database
is None).

Patch: registers CloudFormation models for both types that call moto's Glue
backend (create_database / delete_database, create_table / delete_table);
something already gone counts as deleted. The delete also drops the tag entry
moto's create_database leaves for the database ARN (moto's Tagging API
GetResources returns every Glue ARN with an entry, without applying
TagFilters, so a deleted database would show up as a tagged leftover).
"""
from typing import Any

from patches import SimpleCfnModel


def _glue(account_id: str, region_name: str) -> Any:
    from moto.glue.models import glue_backends

    return glue_backends[account_id][region_name]


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnGlueDatabase(SimpleCfnModel, CloudFormationModel):
        """AWS::Glue::Database; Ref is the database name."""

        CFN_TYPE = "AWS::Glue::Database"
        NAME_TYPE = ""  # the name is DatabaseInput.Name

        def __init__(self, name: str):
            self.name = name

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            database_input = dict(props.get("DatabaseInput") or {})
            # Without a Name, CloudFormation generates one (Glue names are lower case).
            name = str(database_input.get("Name") or resource_name.lower())
            database_input["Name"] = name
            _glue(account_id, region_name).create_database(name, database_input)
            return cls(name)

        def delete(self, account_id: str, region_name: str) -> None:
            glue = _glue(account_id, region_name)
            if self.name in glue.databases:  # already gone counts as deleted
                glue.delete_database(self.name)
            # A deleted database has no tags; moto keeps its (empty) tag entry, which its Tagging
            # API GetResources lists whatever the TagFilters.
            from moto.utilities.utils import get_partition

            glue.tagger.delete_all_tags_for_resource(f"arn:{get_partition(region_name)}:glue:{region_name}:{account_id}:database/{self.name}")

    class CfnGlueTable(SimpleCfnModel, CloudFormationModel):
        """AWS::Glue::Table; Ref is the table name."""

        CFN_TYPE = "AWS::Glue::Table"
        NAME_TYPE = ""  # the name is TableInput.Name

        def __init__(self, database_name: str, name: str):
            self.database_name = database_name
            self.name = name

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            database_name = str(props["DatabaseName"])
            table_input = dict(props.get("TableInput") or {})
            name = str(table_input.get("Name") or resource_name.lower())
            table_input["Name"] = name
            _glue(account_id, region_name).create_table(database_name, name, table_input, props.get("OpenTableFormatInput"))
            return cls(database_name, name)

        def delete(self, account_id: str, region_name: str) -> None:
            glue = _glue(account_id, region_name)
            database = glue.databases.get(self.database_name)
            if database is not None and self.name in database.tables:
                glue.delete_table(self.database_name, self.name)
