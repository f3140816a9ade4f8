"""IAM CreateServiceLinkedRole for AWS Config: the role's name, and a second call.

AWS behaviour (IAM API reference, CreateServiceLinkedRole; AWS Config developer guide, "Using
Service-Linked Roles for AWS Config"): for AWSServiceName config.amazonaws.com the role is
`AWSServiceRoleForConfig` at path /aws-service-role/config.amazonaws.com/. Calling it again while
the role exists fails with InvalidInput "Service role name AWSServiceRoleForConfig has been taken
in this account, please try a different suffix.".

moto 5.2.1 names the role after the service name as written (`AWSServiceRoleForconfig`), so a
recorder's roleARN naming AWSServiceRoleForConfig points at no role; and a second call fails with
EntityAlreadyExists instead of InvalidInput.
"""
from typing import Any


def apply() -> None:
    from moto.iam import models
    from moto.iam.exceptions import EntityAlreadyExists, InvalidInput

    models.SERVICE_NAME_CONVERSION.setdefault("config", "Config")
    create = models.IAMBackend.create_service_linked_role

    def create_service_linked_role(self: Any, service_name: str, description: str, suffix: str) -> Any:
        try:
            return create(self, service_name, description, suffix)
        except EntityAlreadyExists:
            name = f"AWSServiceRoleFor{models.SERVICE_NAME_CONVERSION.get(service_name.split('.')[0], service_name.split('.')[0])}"
            raise InvalidInput(f"Service role name {name}{'_' + suffix if suffix else ''} has been taken in this account, please try a different suffix.")

    models.IAMBackend.create_service_linked_role = create_service_linked_role  # type: ignore[method-assign]
