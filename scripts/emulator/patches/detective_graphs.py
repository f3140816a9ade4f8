"""Amazon Detective behavior graphs (CreateGraph, ListGraphs, DeleteGraph), which moto 5.2.1 lacks.

AWS behaviour (Detective API reference):
- CreateGraph (POST /graph, optional Tags) makes the calling account the administrator of a new
  behavior graph in the region and answers its GraphArn,
  arn:aws:detective:<region>:<account>:graph:<32 hex characters>. An account that already
  administers a graph in the region: ConflictException.
- ListGraphs (POST /graphs/list) answers GraphList: [{Arn, CreatedTime}] of the graphs the account
  administers (at most one per region).
- DeleteGraph (POST /graph/removal, GraphArn) disables the graph and answers an empty body; a
  GraphArn the account does not administer: ResourceNotFoundException.

moto 5.2.1 has no Detective service: every call is answered 404 (the SDK: UnknownError). The patch
registers a minimal service (backend, responses, URLs) for these three operations only.
"""
import datetime
import re
import sys
import types
import uuid
from typing import Any


def apply() -> None:
    import json

    from moto import backend_index
    from moto.core.base_backend import BackendDict, BaseBackend
    from moto.core.exceptions import JsonRESTError
    from moto.core.responses import BaseResponse

    if "moto.detective" in sys.modules or any(name == "detective" for name, _ in backend_index.backend_url_patterns):
        return  # a newer moto has Detective

    class _Error(JsonRESTError):
        def __init__(self, code: str, status: int, message: str) -> None:
            self.code = status
            super().__init__(code, message)
            self._error_type = code

        def get_headers(self, *args: Any, **kwargs: Any) -> list[tuple[str, str]]:
            return [("X-Amzn-ErrorType", self._error_type), ("Content-Type", "application/json")]

    class DetectiveBackend(BaseBackend):
        def __init__(self, region_name: str, account_id: str):
            super().__init__(region_name, account_id)
            self.graphs: dict[str, str] = {}  # ARN -> CreatedTime

        def create_graph(self) -> str:
            if self.graphs:
                raise _Error("ConflictException", 409, "The request attempted an invalid action: this account is already the administrator of a behavior graph in this Region.")
            arn = f"arn:aws:detective:{self.region_name}:{self.account_id}:graph:{uuid.uuid4().hex}"
            self.graphs[arn] = datetime.datetime.now(datetime.timezone.utc).isoformat()
            return arn

        def delete_graph(self, arn: str) -> None:
            if self.graphs.pop(arn, None) is None:
                raise _Error("ResourceNotFoundException", 404, "The request refers to a nonexistent resource.")

    class DetectiveResponse(BaseResponse):
        def __init__(self) -> None:
            super().__init__(service_name="detective")

        @property
        def backend(self) -> DetectiveBackend:
            return detective_backends[self.current_account][self.region]

        def create_graph(self) -> str:
            return json.dumps({"GraphArn": self.backend.create_graph()})

        def list_graphs(self) -> str:
            return json.dumps({"GraphList": [{"Arn": arn, "CreatedTime": t} for arn, t in self.backend.graphs.items()]})

        def delete_graph(self) -> str:
            self.backend.delete_graph(self._get_param("GraphArn"))
            return json.dumps({})

    package = types.ModuleType("moto.detective")
    models = types.ModuleType("moto.detective.models")
    urls = types.ModuleType("moto.detective.urls")
    responses = types.ModuleType("moto.detective.responses")
    DetectiveBackend.__module__ = models.__name__
    DetectiveResponse.__module__ = responses.__name__
    detective_backends = BackendDict(DetectiveBackend, "detective")
    models.DetectiveBackend = DetectiveBackend  # type: ignore[attr-defined]
    models.detective_backends = detective_backends  # type: ignore[attr-defined]
    responses.DetectiveResponse = DetectiveResponse  # type: ignore[attr-defined]
    # The SDK calls api.detective.<region>; moto's server names the signed service's host detective.<region>.
    urls.url_bases = [r"https?://(?:api\.)?detective\.(.+)\.amazonaws\.com"]  # type: ignore[attr-defined]
    urls.url_paths = {  # type: ignore[attr-defined]
        "{0}/graph$": DetectiveResponse.dispatch,
        "{0}/graphs/list$": DetectiveResponse.dispatch,
        "{0}/graph/removal$": DetectiveResponse.dispatch,
    }
    package.detective_backends = detective_backends  # type: ignore[attr-defined]
    package.models, package.urls, package.responses = models, urls, responses  # type: ignore[attr-defined]
    package.__path__ = []  # a package, so "moto.detective.urls" imports from sys.modules
    for module in (package, models, urls, responses):
        sys.modules[module.__name__] = module
    backend_index.backend_url_patterns.append(("detective", re.compile(r"https?://(?:api\.)?detective\.(.+)\.amazonaws\.com")))
