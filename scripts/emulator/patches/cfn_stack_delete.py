"""CloudFormation DeleteStack: dependency order, custom-resource Delete events, DELETE_FAILED.

AWS: DeleteStack deletes resources in reverse dependency order (a resource
is deleted only after every resource that references it - Ref, Fn::GetAtt,
Fn::Sub, DependsOn - is gone). For a custom resource it sends a `Delete`
event (PhysicalResourceId, ResourceProperties, ResponseURL) to the
ServiceToken function and waits for the response: SUCCESS - deleted;
FAILED - the resource is DELETE_FAILED with the handler's Reason, the
resources it depends on are kept, and the stack ends DELETE_FAILED (it stays
listed and can be deleted again).

moto 5.2.1 (`ResourceMap.delete`): deletes in set order (no dependency
order), retrying what raised; it never calls a custom resource's function;
when something cannot be deleted the DeleteStack call itself fails and the
stack disappears from DescribeStacks without a DELETE_FAILED state.

Patch: replaces `ResourceMap.delete` with the same loop (skip Retain, retry
while progress is made) iterating in reverse dependency order and skipping a
resource while a dependent is still there; wraps `_delete_resource` for
custom resources (Delete event, bounded wait = function Timeout + a few
seconds, a FAILED answer is final, not retried); wraps `Stack.delete` and
`CloudFormationBackend.delete_stack` so a failed delete leaves the stack in
DELETE_FAILED with the reason, with events for the resource.

Outputs: AWS's DescribeStacks answers normally while a stack is
DELETE_IN_PROGRESS, DELETE_FAILED or (by stack id) DELETE_COMPLETE, with the
last Outputs and ExportNames. moto recomputes exports (`OutputMap.exports` ->
`clean_json`) on every DescribeStacks; once an exported resource is deleted
that raises KeyError: HTTP 500 with an HTML body, which `cdk destroy` retries
for minutes (or reports as "@aws-sdk XML parse error"). `Stack.delete` now
freezes the outputs and exports (FrozenOutputMap) before deleting anything.

Lookups by stack id while it deletes: AWS answers DescribeStackEvents (and DescribeStacks) by
stack id throughout (DELETE_IN_PROGRESS, then DELETE_COMPLETE). moto takes the stack out of its
live stacks before deleting and files it under the deleted ones only after: for the seconds a
delete takes (custom resources answering), a lookup by id fails with "Stack with id ... does not
exist", which `cdk destroy`'s event poller prints as "Error occurred while monitoring stack".
`delete_stack` now files the stack under the deleted ones first, so it is found by id throughout.
"""
import collections.abc
import functools
import re
from typing import Any

from moto.moto_api._internal import mock_random


class FrozenOutputMap(collections.abc.Mapping):  # type: ignore[type-arg]
    """A stack's outputs and exports resolved once, while their resources exist.

    moto's OutputMap resolves exports (and unresolved outputs) on every
    DescribeStacks; once the resources are deleted that raises KeyError (HTTP 500)."""

    def __init__(self, output_map: Any):
        self._outputs: dict[str, Any] = {}
        for key in list(getattr(output_map, "outputs", []) or []):
            try:
                value = output_map[key]
            except Exception:  # an output that does not resolve is not shown
                continue
            if value is not None:
                self._outputs[key] = value
        try:
            self._exports = list(output_map.exports)
        except Exception:
            self._exports = []

    def __getitem__(self, key: str) -> Any:
        return self._outputs[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._outputs)

    def __len__(self) -> int:
        return len(self._outputs)

    @property
    def outputs(self) -> list[str]:
        return list(self._outputs)

    @property
    def exports(self) -> list[Any]:
        return list(self._exports)


class CustomResourceDeleteFailed(Exception):
    pass


class StackDeleteFailed(Exception):
    pass


def _references(node: Any, out: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "Ref" and isinstance(value, str):
                out.add(value)
            elif key == "Fn::GetAtt":
                if isinstance(value, list) and value:
                    out.add(str(value[0]))
                elif isinstance(value, str):
                    out.add(value.split(".", 1)[0])
            elif key == "Fn::Sub":
                text = value[0] if isinstance(value, list) else value
                if isinstance(text, str):
                    out.update(m.split(".", 1)[0] for m in re.findall(r"\$\{([^!}][^}]*)\}", text))
                if isinstance(value, list) and len(value) > 1:
                    _references(value[1], out)
            else:
                _references(value, out)
    elif isinstance(node, list):
        for item in node:
            _references(item, out)


def dependencies(resources: dict[str, Any]) -> dict[str, set[str]]:
    """logical id -> the logical ids it depends on (within this template)."""
    deps: dict[str, set[str]] = {}
    for name, body in resources.items():
        found: set[str] = set()
        _references(body.get("Properties", {}), found)
        depends_on = body.get("DependsOn", [])
        found.update([depends_on] if isinstance(depends_on, str) else depends_on)
        deps[name] = {d for d in found if d in resources and d != name}
    return deps


def _delete_custom_resource(resource_map: Any, resource: Any) -> None:
    from patches.cfn_custom_resource_create import invoke_and_wait, response_url

    stack_id = getattr(resource, "stack_id", resource_map.stack_id)
    event = {
        "RequestType": "Delete",
        "ServiceToken": resource.service_token,
        "ResponseURL": response_url(resource_map._region_name, stack_id),
        "StackId": stack_id,
        "RequestId": str(mock_random.uuid4()),
        "LogicalResourceId": resource.logical_id,
        "PhysicalResourceId": resource.physical_resource_id,
        "ResourceType": resource.cf_resource_type,
        "ResourceProperties": resource.properties,
    }
    try:
        response = invoke_and_wait(resource_map._account_id, resource_map._region_name, resource.service_token, event)
    except Exception as exc:  # function gone, etc.
        response = {"Status": "FAILED", "Reason": str(exc)}
    if response.get("Status") != "SUCCESS":
        raise CustomResourceDeleteFailed(
            f"Received response status [FAILED] from custom resource. Message returned: {response.get('Reason') or ''}"
        )


def apply() -> None:
    from moto.cloudformation import models as cfn_models
    from moto.cloudformation.custom_model import CustomModel
    from moto.cloudformation.parsing import ResourceMap

    original_delete_resource = ResourceMap._delete_resource

    @functools.wraps(original_delete_resource)
    def _delete_resource(self, parsed_resource, resource_json):  # type: ignore[no-untyped-def]
        if isinstance(parsed_resource, CustomModel) and hasattr(parsed_resource, "service_token"):
            return _delete_custom_resource(self, parsed_resource)
        return original_delete_resource(self, parsed_resource, resource_json)

    ResourceMap._delete_resource = _delete_resource

    def delete(self) -> None:  # type: ignore[no-untyped-def]
        resources = self._resource_json_map
        deps = dependencies(resources)
        remaining = [k for k, v in resources.items() if v.get("DeletionPolicy") != "Retain"]
        deletable = set(remaining)
        failed: dict[str, str] = {}
        errors: dict[str, str] = {}
        last_exception: Exception | None = None
        progress = True
        while remaining and progress:
            progress = False
            for name in list(remaining):
                if name in failed:
                    continue
                # AWS: a resource waits until everything that depends on it is deleted.
                if any(name in deps.get(other, ()) for other in remaining if other != name):
                    continue
                parsed = self._parsed_resources.get(name)
                try:
                    if not isinstance(parsed, str) and parsed is not None:
                        self._delete_resource(parsed, resources[name])
                        self._parsed_resources.pop(name, None)
                except CustomResourceDeleteFailed as exc:
                    failed[name] = str(exc)
                    last_exception = exc
                except Exception as exc:  # dependency violation: retry in a later pass
                    last_exception = exc
                    errors[name] = str(getattr(exc, "message", None) or exc)
                else:
                    remaining.remove(name)
                    progress = True
        self.delete_failures = {**{n: errors[n] for n in remaining if n in errors}, **failed}
        # moto's map is lazy: a name left in it is re-created on the next lookup
        # (DescribeStacks outputs, ListStackResources). Keep only what still exists.
        self._resource_json_map = {k: v for k, v in resources.items() if k in remaining or k not in deletable}
        if remaining:
            raise last_exception or StackDeleteFailed(f"Resources not deleted: {remaining}")

    ResourceMap.delete = delete

    def stack_delete(self) -> None:  # type: ignore[no-untyped-def]
        from patches.cfn_custom_resource_create import _add_resource_event

        self._add_stack_event("DELETE_IN_PROGRESS", resource_status_reason="User Initiated")
        self.status = "DELETE_IN_PROGRESS"
        # AWS: DescribeStacks answers during and after the delete with the last Outputs.
        self.output_map = FrozenOutputMap(self.output_map)
        try:
            self.resource_map.delete()
        except Exception as exc:
            failures = getattr(self.resource_map, "delete_failures", {}) or {}
            for logical_id, reason in failures.items():
                res = self.resource_map._parsed_resources.get(logical_id)
                _add_resource_event(
                    self,
                    logical_id,
                    getattr(res, "physical_resource_id", ""),
                    getattr(res, "cf_resource_type", ""),
                    "DELETE_FAILED",
                    reason,
                )
            names = ", ".join(failures) or str(exc)
            reason = f"The following resource(s) failed to delete: [{names}]. "
            self.status = "DELETE_FAILED"
            self.stack_status_reason = reason
            self._add_stack_event("DELETE_FAILED", resource_status_reason=reason)
            raise StackDeleteFailed(reason) from exc
        self._add_stack_event("DELETE_COMPLETE")
        self.status = "DELETE_COMPLETE"

    cfn_models.Stack.delete = stack_delete

    original_delete_stack = cfn_models.CloudFormationBackend.delete_stack

    @functools.wraps(original_delete_stack)
    def delete_stack(self, name_or_stack_id):  # type: ignore[no-untyped-def]
        before = dict(self.stacks)
        for stack_id, stack in before.items():
            if name_or_stack_id in (stack_id, stack.name):
                self.deleted_stacks[stack_id] = stack
        try:
            return original_delete_stack(self, name_or_stack_id)
        except StackDeleteFailed:
            # AWS keeps a DELETE_FAILED stack (with its exports) until it is deleted again.
            for stack_id, stack in before.items():
                if stack.status == "DELETE_FAILED":
                    self.stacks[stack_id] = stack
                    self.deleted_stacks.pop(stack_id, None)

    cfn_models.CloudFormationBackend.delete_stack = delete_stack
