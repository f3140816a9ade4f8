"""CloudFormation custom resources: Create/Update events wait for the function's response.

AWS: for a custom resource (AWS::CloudFormation::CustomResource, Custom::*),
CloudFormation invokes the ServiceToken function with a Create (or Update)
event whose ResponseURL the handler PUTs its answer to, and waits for it
before creating anything that depends on the resource. SUCCESS: the resource
is complete, its PhysicalResourceId is what the handler sent, Fn::GetAtt reads
the response's Data. FAILED: the resource is CREATE_FAILED with the handler's
Reason, and the stack rolls back (Delete is sent to the custom resources
already created, and to the failed one) and ends ROLLBACK_COMPLETE.

moto 5.2.1 (`moto/cloudformation/custom_model.py`): invokes the function in a
background thread and goes on creating the dependents (GetAtt gives None);
the ResponseURL uses `settings.moto_server_host()` = http://host.docker.internal;
the cfnresponse endpoint ignores FAILED, so the stack stays
CREATE_IN_PROGRESS forever; a later template change to the resource replaces
it with nothing (no Update event).

Patch:
- `settings.moto_server_host` returns http://localhost (the ResponseURL then
  reaches this server on MOTO_PORT, which the launcher sets).
- `CustomModel.create_from_cloudformation_json` invokes the function, then
  waits (bounded by the resource's ServiceTimeout, else by the function's
  Timeout + a few seconds) for the answer
  on the ResponseURL; `process_cfn_response` hands answers to the waiting
  request (SUCCESS and FAILED), and falls back to moto's code for others.
- FAILED (or no answer): the stack is rolled back as on AWS (events
  CREATE_FAILED with the Reason, ROLLBACK_IN_PROGRESS, ROLLBACK_COMPLETE).
- `update_from_cloudformation_json` sends an Update event with
  OldResourceProperties; a FAILED answer raises to moto's update.
- physical_resource_id is the PhysicalResourceId the handler returned.
"""
import functools
import json
import threading
from typing import Any

from moto.moto_api._internal import mock_random

_pending: dict[str, dict[str, Any]] = {}
_lock = threading.Lock()
GRACE_SECONDS = 5  # after the function returns, wait this long for its PUT


class CustomResourceFailed(Exception):
    def __init__(self, stack_id: str, logical_id: str, reason: str, resource: Any = None):
        super().__init__(f"Received response status [FAILED] from custom resource. Message returned: {reason}")
        self.stack_id = stack_id
        self.logical_id = logical_id
        self.reason = str(self)
        self.resource = resource


def response_url(region_name: str, stack_id: str) -> str:
    from moto import settings

    host = f"{settings.moto_server_host()}:{settings.moto_server_port()}"
    return f"{host}/cloudformation_{region_name}/cfnresponse?stack={stack_id}"


def invoke_and_wait(account_id: str, region_name: str, service_token: str, event: dict[str, Any]) -> dict[str, Any]:
    """Invokes the custom resource's function and returns the response it PUT to the ResponseURL.

    Without an answer, returns a FAILED response: after the resource's
    ServiceTimeout (seconds, 1-3600) when it sets one, as AWS does; without one,
    after the function's Timeout + a few seconds (AWS would wait its default
    hour, then fail the same way)."""
    from moto.awslambda import lambda_backends

    fn = lambda_backends[account_id][region_name].get_function(service_token)
    waiter: dict[str, Any] = {"event": threading.Event(), "response": None}
    with _lock:
        _pending[event["RequestId"]] = waiter
    try:
        invoker = threading.Thread(target=fn.invoke, args=(json.dumps(event), {}, {}), daemon=True)
        invoker.start()
        service_timeout = _service_timeout(event)
        if service_timeout is None:
            invoker.join(int(fn.timeout or 3) + 5)
            waiter["event"].wait(GRACE_SECONDS)
        else:
            waiter["event"].wait(service_timeout)
    finally:
        with _lock:
            _pending.pop(event["RequestId"], None)
    if waiter["response"] is None:
        return {
            "Status": "FAILED",
            "Reason": "CloudFormation did not receive a response from your Custom Resource. "
            f"Please check your logs for requestId [{event['RequestId']}].",
        }
    return waiter["response"]


def _service_timeout(event: dict[str, Any]) -> float | None:
    """The custom resource's ServiceTimeout property in seconds (CloudFormation passes it in
    ResourceProperties like any other), or None when it sets none."""
    value = (event.get("ResourceProperties") or {}).get("ServiceTimeout")
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _reason(response: dict[str, Any]) -> str:
    return str(response.get("Reason") or "")


def _add_resource_event(stack: Any, logical_id: str, physical_id: str, resource_type: str, status: str, reason: str | None = None) -> None:
    from moto.cloudformation.models import Event

    stack.events.append(
        Event(
            stack_id=stack.stack_id,
            stack_name=stack.name,
            logical_resource_id=logical_id,
            physical_resource_id=physical_id,
            resource_type=resource_type,
            resource_status=status,
            resource_status_reason=reason,
            resource_properties=None,
        )
    )


def rollback(stack: Any, failure: CustomResourceFailed, kind: str = "CREATE") -> None:
    """What AWS does when a resource fails to create: roll the stack back."""
    resource = failure.resource
    if resource is not None:
        _add_resource_event(stack, failure.logical_id, resource.physical_resource_id, resource.cf_resource_type, f"{kind}_FAILED", failure.reason)
    if kind == "UPDATE":
        # Reverting an update is beyond moto; report it as AWS would end.
        stack.status = "UPDATE_ROLLBACK_COMPLETE"
        stack.stack_status_reason = failure.reason
        stack._add_stack_event("UPDATE_ROLLBACK_IN_PROGRESS", resource_status_reason=f"The following resource(s) failed to update: [{failure.logical_id}]. ")
        stack._add_stack_event("UPDATE_ROLLBACK_COMPLETE")
        return
    reason = f"The following resource(s) failed to create: [{failure.logical_id}]. Rollback requested by user."
    stack.status = "ROLLBACK_IN_PROGRESS"
    stack.stack_status_reason = reason
    stack._add_stack_event("ROLLBACK_IN_PROGRESS", resource_status_reason=reason)
    if resource is not None:
        # CloudFormation sends Delete to the failed custom resource too.
        stack.resource_map._parsed_resources[failure.logical_id] = resource
    try:
        stack.resource_map.delete()
    except Exception as exc:  # noqa: BLE001 - any failure is ROLLBACK_FAILED
        stack.status = "ROLLBACK_FAILED"
        stack._add_stack_event("ROLLBACK_FAILED", resource_status_reason=str(exc))
        return
    # A rolled-back stack has no outputs (moto would re-create resources to compute them).
    from moto.cloudformation.parsing import OutputMap

    stack.output_map = OutputMap(stack.resource_map, {"Outputs": {}}, stack.stack_id)
    stack.status = "ROLLBACK_COMPLETE"
    stack._add_stack_event("ROLLBACK_COMPLETE")


def apply() -> None:
    from moto import settings
    from moto.cloudformation import models as cfn_models
    from moto.cloudformation.custom_model import CustomModel
    from moto.cloudformation.responses import CloudFormationResponse

    settings.moto_server_host = lambda: "http://localhost"  # type: ignore[assignment]

    # --- responses arrive on the ResponseURL -----------------------------------------
    original_process = CloudFormationResponse.process_cfn_response

    @functools.wraps(original_process)
    def process_cfn_response(self):  # type: ignore[no-untyped-def]
        request_id = self._get_param("RequestId")
        with _lock:
            waiter = _pending.get(request_id)
        if waiter is None:
            return original_process(self)
        body = json.loads(self.body) if self.body else {}
        waiter["response"] = body
        waiter["event"].set()
        return 200, {"status": 200}, json.dumps("{}")

    CloudFormationResponse.process_cfn_response = process_cfn_response

    # --- Create ----------------------------------------------------------------------
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def]
        from moto.cloudformation import cloudformation_backends

        logical_id = kwargs["LogicalId"]
        stack_id = kwargs["StackId"]
        properties = cloudformation_json["Properties"]
        service_token = properties["ServiceToken"]
        request_id = str(mock_random.uuid4())
        resource = CustomModel(region_name, request_id, logical_id, resource_name)
        resource.cf_resource_type = kwargs["ResourceType"]
        resource.logical_resource_id = logical_id
        resource.properties = properties
        resource.service_token = service_token
        resource.stack_id = stack_id
        resource.account_id = account_id
        stack = cloudformation_backends[account_id][region_name].get_stack(stack_id)
        stack.add_custom_resource(resource)
        event = {
            "RequestType": "Create",
            "ServiceToken": service_token,
            "ResponseURL": response_url(region_name, stack_id),
            "StackId": stack_id,
            "RequestId": request_id,
            "LogicalResourceId": logical_id,
            "ResourceType": kwargs["ResourceType"],
            "ResourceProperties": properties,
        }
        response = invoke_and_wait(account_id, region_name, service_token, event)
        resource.physical_id = response.get("PhysicalResourceId") or resource_name
        if response.get("Status") != "SUCCESS":
            raise CustomResourceFailed(stack_id, logical_id, _reason(response), resource)
        resource.set_data(response.get("Data") or {})
        return resource

    CustomModel.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign]
    CustomModel.physical_resource_id = property(lambda self: getattr(self, "physical_id", None) or self.resource_name)  # type: ignore[method-assign,assignment]

    # --- Update ----------------------------------------------------------------------
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):  # type: ignore[no-untyped-def]
        properties = cloudformation_json["Properties"]
        service_token = properties["ServiceToken"]
        request_id = str(mock_random.uuid4())
        stack_id = getattr(original_resource, "stack_id", "")
        event = {
            "RequestType": "Update",
            "ServiceToken": service_token,
            "ResponseURL": response_url(region_name, stack_id),
            "StackId": stack_id,
            "RequestId": request_id,
            "LogicalResourceId": original_resource.logical_id,
            "PhysicalResourceId": original_resource.physical_resource_id,
            "ResourceType": cloudformation_json["Type"],
            "ResourceProperties": properties,
            "OldResourceProperties": getattr(original_resource, "properties", {}),
        }
        response = invoke_and_wait(account_id, region_name, service_token, event)
        if response.get("Status") != "SUCCESS":
            raise CustomResourceFailed(stack_id, original_resource.logical_id, _reason(response), original_resource)
        original_resource.physical_id = response.get("PhysicalResourceId") or original_resource.physical_resource_id
        original_resource.properties = properties
        original_resource.service_token = service_token
        original_resource.set_data(response.get("Data") or {})
        return original_resource

    CustomModel.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)  # type: ignore[method-assign]

    # --- a FAILED answer rolls the stack back -----------------------------------------
    original_create_resources = cfn_models.Stack.create_resources

    @functools.wraps(original_create_resources)
    def create_resources(self):  # type: ignore[no-untyped-def]
        try:
            original_create_resources(self)
        except CustomResourceFailed as failure:
            rollback(self, failure, "CREATE")

    cfn_models.Stack.create_resources = create_resources

    original_update = cfn_models.Stack.update

    @functools.wraps(original_update)
    def update(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            original_update(self, *args, **kwargs)
        except CustomResourceFailed as failure:
            rollback(self, failure, "UPDATE")

    cfn_models.Stack.update = update

    original_execute = cfn_models.CloudFormationBackend.execute_change_set

    @functools.wraps(original_execute)
    def execute_change_set(self, change_set_name, stack_name=None):  # type: ignore[no-untyped-def]
        try:
            return original_execute(self, change_set_name, stack_name)
        except CustomResourceFailed as failure:
            stack = self.get_stack(failure.stack_id)
            change_set = next(
                (cs for cs in self.change_sets.values() if change_set_name in (cs.change_set_id, cs.change_set_name) and cs.stack_id == stack.stack_id),
                None,
            )
            kind = change_set.change_set_type if change_set is not None else "CREATE"
            if change_set is not None:
                change_set.execution_status = "EXECUTE_FAILED"
            rollback(stack, failure, "UPDATE" if kind == "UPDATE" else "CREATE")

    cfn_models.CloudFormationBackend.execute_change_set = execute_change_set
