"""CloudFormation resolves `{{resolve:secretsmanager:...}}` dynamic references in resource properties.

AWS: a resource property string may contain
`{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}`
(secret-id a name or full ARN; the later parts optional, empty meaning the
default: whole SecretString, AWSCURRENT). CloudFormation replaces it with the
secret's value when it creates or updates the resource (e.g.
AWS::IAM::User LoginProfile.Password); an unknown secret or JSON key fails
the resource.

moto 5.2.1 resolves intrinsic functions only: the property keeps the literal
`{{resolve:secretsmanager:...}}` text (a user's console password would be that
text).

Patch: wraps `parsing.parse_resource_and_generate_name` (the step that hands
resolved properties to a resource's create and update): every string in the
resolved JSON has its secretsmanager references replaced through moto's
Secrets Manager backend (GetSecretValue by id, VersionId, VersionStage; the
JSON key read from the SecretString). Failures raise moto's Secrets Manager
errors (AWS fails the resource too). Other dynamic references
(`{{resolve:ssm:...}}`, `{{resolve:ssm-secure:...}}`) are left as moto leaves them.
"""
import functools
import json
import re
from typing import Any

PATTERN = re.compile(r"\{\{resolve:secretsmanager:([^{}]+)\}\}")


def resolve_reference(reference: str, account_id: str, region_name: str) -> str:
    """The value of one reference body `secret-id[:SecretString[:json-key[:version-stage[:version-id]]]]`."""
    from moto.secretsmanager.models import secretsmanager_backends

    parts = reference.split(":")
    if reference.startswith("arn:"):
        secret_id, rest = ":".join(parts[:7]), parts[7:]
        region_name, account_id = parts[3] or region_name, parts[4] or account_id
    else:
        secret_id, rest = parts[0], parts[1:]
    rest += [""] * (4 - len(rest))
    _secret_string, json_key, version_stage, version_id = rest[:4]
    value = secretsmanager_backends[account_id][region_name].get_secret_value(
        secret_id, version_id or None, version_stage or None
    )["SecretString"]
    if json_key:
        return str(json.loads(value)[json_key])
    return value


def resolve(value: Any, account_id: str, region_name: str) -> Any:
    """A copy of `value` with every secretsmanager dynamic reference in its strings replaced."""
    if isinstance(value, str):
        if "{{resolve:secretsmanager:" not in value:
            return value
        return PATTERN.sub(lambda m: resolve_reference(m.group(1), account_id, region_name), value)
    if isinstance(value, dict):
        return {k: resolve(v, account_id, region_name) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, account_id, region_name) for v in value]
    return value


def apply() -> None:
    from moto.cloudformation import parsing

    original = parsing.parse_resource_and_generate_name

    @functools.wraps(original)
    def parse_resource_and_generate_name(logical_id, resource_json, resources_map):  # type: ignore[no-untyped-def]
        result = original(logical_id, resource_json, resources_map)
        if not result:
            return result
        resource_class, cleaned_json, resource_name = result
        if "{{resolve:secretsmanager:" in json.dumps(cleaned_json, default=str):
            cleaned_json = resolve(cleaned_json, resources_map._account_id, resources_map._region_name)
        return resource_class, cleaned_json, resource_name

    parsing.parse_resource_and_generate_name = parse_resource_and_generate_name
