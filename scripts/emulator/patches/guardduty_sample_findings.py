"""GuardDuty CreateSampleFindings, which moto 5.2.1 lacks.

AWS behaviour (GuardDuty API reference, CreateSampleFindings):
``POST /detector/{detectorId}/findings/create`` with the JSON body
``{"findingTypes": [...]}`` (optional; without it GuardDuty generates one sample
finding of every type) answers 200 with an empty JSON object when the detector
belongs to the calling account and region. For any other detectorId it answers
400 ``BadRequestException`` "The request is rejected because the input detectorId
is not owned by the current account."

This patch implements exactly that and nothing more: it validates the detector and
the request, but stores no findings (moto has no GuardDuty findings model).
"""
import json
from typing import Any

from moto.core.exceptions import JsonRESTError

NOT_OWNED = "The request is rejected because the input detectorId is not owned by the current account."


class _BadRequest(JsonRESTError):
    code = 400

    def __init__(self, message: str) -> None:
        super().__init__("BadRequestException", message)

    def get_headers(self, *args: Any, **kwargs: Any) -> list[tuple[str, str]]:
        return [("X-Amzn-ErrorType", "BadRequestException")]


def _create_sample_findings(self: Any) -> str:
    # path: /detector/{detectorId}/findings/create
    detector_id = self.path.split("/")[-3]
    if detector_id not in self.guardduty_backend.detectors:
        raise _BadRequest(NOT_OWNED)
    finding_types = self._get_param("findingTypes")
    if finding_types is not None and (
        not isinstance(finding_types, list) or not all(isinstance(t, str) for t in finding_types)
    ):
        raise _BadRequest("The request is rejected because findingTypes is not a list of strings.")
    return json.dumps({})


def apply() -> None:
    from moto.guardduty import urls
    from moto.guardduty.responses import GuardDutyResponse

    if hasattr(GuardDutyResponse, "create_sample_findings"):
        return  # a newer moto implements it
    GuardDutyResponse.create_sample_findings = _create_sample_findings  # type: ignore[attr-defined]
    urls.url_paths["{0}/detector/(?P<detector_id>[^/]+)/findings/create$"] = GuardDutyResponse.dispatch
