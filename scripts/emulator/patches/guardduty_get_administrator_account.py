"""GuardDuty GetAdministratorAccount in the API's JSON shape, which moto 5.2.1 gets wrong.

AWS behaviour (GuardDuty API reference, GetAdministratorAccount):
``GET /detector/{detectorId}/administrator`` answers 200 with
``{"administrator": {"accountId", "invitationId", "relationshipStatus", "invitedAt"}}``
(lower camelCase, like every GuardDuty REST answer) for a member account, and an object
without ``administrator`` for an account that has none.

moto 5.2.1 answers ``{"Administrator": {"AccountId", "RelationshipStatus"}}``: the SDK
reads no administrator at all. This patch renames the keys; who the administrator is
stays moto's (the first account given to EnableOrganizationAdminAccount in the region).
"""
import json
from typing import Any


def _get_administrator_account(self: Any) -> str:
    # path: /detector/{detectorId}/administrator
    detector_id = self.path.split("/")[-2]
    found = self.guardduty_backend.get_administrator_account(detector_id)
    admin = found.get("Administrator")
    if not admin:
        return json.dumps({})
    return json.dumps({"administrator": {"accountId": admin["AccountId"], "relationshipStatus": admin["RelationshipStatus"]}})


def apply() -> None:
    from moto.guardduty.responses import GuardDutyResponse

    GuardDutyResponse.get_administrator_account = _get_administrator_account  # type: ignore[method-assign]
