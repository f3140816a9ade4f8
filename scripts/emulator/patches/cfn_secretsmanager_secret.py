"""CloudFormation: AWS::SecretsManager::Secret creates (and deletes) the secret.

AWS: AWS::SecretsManager::Secret creates a secret named `Name` (else a
generated name) with Description, KmsKeyId, Tags and a value: SecretString,
or GenerateSecretString (a random password with PasswordLength,
ExcludeCharacters, Exclude*, IncludeSpace, RequireEachIncludedType; with
SecretStringTemplate + GenerateStringKey the password is added to that JSON
object). Ref is the secret's ARN. Deleting the stack deletes the secret at
once, without a recovery window (the name can be reused immediately).

moto 5.2.1 has no CloudFormation model for it ("Tried to parse
AWS::SecretsManager::Secret but it's not supported"): the stack reports
CREATE_COMPLETE but no secret exists, and Ref to it is None.

Patch: registers a CloudFormation model for the type that calls moto's
Secrets Manager backend (create_secret, get_random_password, and
delete_secret with ForceDeleteWithoutRecovery). Other Secrets Manager
resource types (rotation, attachments, resource policies) stay unsupported.
"""
import json
from typing import Any

from patches import SimpleCfnModel, cfn_bool


def _backend(account_id: str, region_name: str) -> Any:
    from moto.secretsmanager.models import secretsmanager_backends

    return secretsmanager_backends[account_id][region_name]


def _secret_string(backend: Any, props: dict[str, Any]) -> str | None:
    if "SecretString" in props:
        return str(props["SecretString"])
    gen = props.get("GenerateSecretString")
    if gen is None:
        return None
    flag = lambda key: cfn_bool(gen.get(key, False))  # noqa: E731
    password = json.loads(
        backend.get_random_password(
            password_length=int(gen.get("PasswordLength", 32)),
            exclude_characters=gen.get("ExcludeCharacters", ""),
            exclude_numbers=flag("ExcludeNumbers"),
            exclude_punctuation=flag("ExcludePunctuation"),
            exclude_uppercase=flag("ExcludeUppercase"),
            exclude_lowercase=flag("ExcludeLowercase"),
            include_space=flag("IncludeSpace"),
            require_each_included_type=cfn_bool(gen.get("RequireEachIncludedType", True)),
        )
    )["RandomPassword"]
    template = gen.get("SecretStringTemplate")
    key = gen.get("GenerateStringKey")
    if template and key:
        value = json.loads(template)
        value[key] = password
        return json.dumps(value)
    return password


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnSecret(SimpleCfnModel, CloudFormationModel):
        """What CloudFormation keeps for the resource: Ref (and GetAtt Id) is the ARN."""

        CFN_TYPE = "AWS::SecretsManager::Secret"
        NAME_TYPE = "Name"
        PHYSICAL_ID = "arn"
        ATTRIBUTES = {"Id": "arn"}

        def __init__(self, name: str, arn: str):
            self.name = name
            self.arn = arn

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            backend = _backend(account_id, region_name)
            backend.create_secret(
                name=resource_name,
                secret_string=_secret_string(backend, props),
                secret_binary=None,
                description=props.get("Description"),
                tags=props.get("Tags") or [],
                kms_key_id=props.get("KmsKeyId"),
                client_request_token=None,
                replica_regions=props.get("ReplicaRegions") or [],
                force_overwrite=False,
            )
            return cls(resource_name, str(backend.secrets[resource_name].arn))

        def delete(self, account_id: str, region_name: str) -> None:
            self.delete_from_cloudformation_json(self.name, {}, account_id, region_name)

        @classmethod
        def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):  # type: ignore[no-untyped-def,override]
            backend = _backend(account_id, region_name)
            name = next((n for n, sec in backend.secrets.items() if resource_name in (n, str(sec.arn))), None)
            if name is not None:  # already gone counts as deleted
                backend.delete_secret(name, recovery_window_in_days=None, force_delete_without_recovery=True)
