"""Security Hub BatchUpdateFindings, which moto 5.2.1 lacks.

AWS behaviour (Security Hub API reference, BatchUpdateFindings, PATCH /findings/batchupdate):
updates the customer-controlled fields of the findings named by FindingIdentifiers (Id and
ProductArn): Note (Text, UpdatedBy; the finding's Note gets UpdatedAt), Workflow.Status (NEW,
NOTIFIED, RESOLVED, SUPPRESSED), VerificationState, Confidence, Criticality, Severity (Label),
Types, UserDefinedFields; UpdatedAt changes. Answers ProcessedFindings (the identifiers updated)
and UnprocessedFindings (FindingIdentifier, ErrorCode, ErrorMessage) for a finding it does not
have. Without a hub: InvalidAccessException. GetFindings then shows the new values.

moto 5.2.1 has no such operation: the SDK gets 404.
"""
import datetime
import json
from typing import Any

_FIELDS = ("VerificationState", "Confidence", "Criticality", "Types", "UserDefinedFields")


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def batch_update_findings(self: Any) -> str:
    from moto.securityhub.exceptions import SecurityHubClientError

    backend = self.securityhub_backend
    if not backend.enabled:
        raise SecurityHubClientError("InvalidAccessException", f"Account {backend.account_id} is not subscribed to AWS Security Hub")
    p = json.loads(self.body) if self.body else {}
    processed, unprocessed = [], []
    for ident in p.get("FindingIdentifiers") or []:
        finding = next((f for f in backend.findings if f.id == ident.get("Id") and f.data.get("ProductArn") == ident.get("ProductArn")), None)
        if finding is None:
            unprocessed.append({"FindingIdentifier": ident, "ErrorCode": "FindingNotFound", "ErrorMessage": "Finding Not Found"})
            continue
        data, now = finding.data, _now()
        if p.get("Note"):
            data["Note"] = {"Text": p["Note"]["Text"], "UpdatedBy": p["Note"]["UpdatedBy"], "UpdatedAt": now}
        if (p.get("Workflow") or {}).get("Status"):
            data["Workflow"] = {"Status": p["Workflow"]["Status"]}
            data["WorkflowState"] = p["Workflow"]["Status"]
        if (p.get("Severity") or {}).get("Label"):
            data["Severity"] = {**(data.get("Severity") or {}), "Label": p["Severity"]["Label"]}
        for field in _FIELDS:
            if field in p:
                data[field] = p[field]
        data["UpdatedAt"] = now
        processed.append(ident)
    return json.dumps({"ProcessedFindings": processed, "UnprocessedFindings": unprocessed})


def apply() -> None:
    from moto.securityhub import urls
    from moto.securityhub.responses import SecurityHubResponse

    if hasattr(SecurityHubResponse, "batch_update_findings"):
        return  # a newer moto implements it
    SecurityHubResponse.batch_update_findings = batch_update_findings  # type: ignore[attr-defined]
    urls.url_paths["{0}/findings/batchupdate$"] = SecurityHubResponse.dispatch
