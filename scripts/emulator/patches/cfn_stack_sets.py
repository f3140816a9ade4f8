"""CloudFormation StackSets deploy real stacks in each target account and Region, per instance.

AWS (StackSets, self-managed and service-managed permissions):
- CreateStackSet keeps the template (TemplateBody or TemplateURL), Parameters, Tags, Capabilities,
  AdministrationRoleARN (default `arn:aws:iam::<admin>:role/AWSCloudFormationStackSetAdministrationRole`)
  and ExecutionRoleName (default `AWSCloudFormationStackSetExecutionRole`); a template with IAM
  resources needs CAPABILITY_IAM, one with named IAM resources CAPABILITY_NAMED_IAM
  (InsufficientCapabilitiesException "Requires capabilities : [CAPABILITY_NAMED_IAM]").
- CreateStackInstances (Accounts or DeploymentTargets.OrganizationalUnitIds, Regions,
  ParameterOverrides, OperationPreferences) runs an operation: in each target account and Region
  CloudFormation creates the stack `StackSet-<name>-<uuid>` with the template, the stack set's
  parameters and the instance's overrides, resolving SSM parameters in that account. Self-managed:
  the administration role must exist in the administrator account and the execution role in the
  target account, else that instance fails with a reason naming the role. A failed create leaves no
  stack (it is deleted). Each instance: Status CURRENT (last operation succeeded) or OUTDATED (failed
  or cancelled) or INOPERABLE (a delete failed), StackInstanceStatus.DetailedStatus
  SUCCEEDED/FAILED/CANCELLED/INOPERABLE, StatusReason, StackId, LastOperationId.
- Failure tolerance: Regions one after the other (RegionOrder first); in a Region, accounts in
  batches of the concurrency (STRICT_FAILURE_TOLERANCE, the default: min(MaxConcurrent,
  FailureTolerance + 1); SOFT: MaxConcurrent); once more accounts failed in a Region than the tolerance
  (count, or percentage of the Region's accounts rounded down; default 0), the operation stops: the
  rest, and later Regions, are CANCELLED; the operation is FAILED, else SUCCEEDED.
- DescribeStackSetOperation / ListStackSetOperations: Status, StatusReason, OperationPreferences,
  StatusDetails.FailedStackInstancesCount; ListStackSetOperationResults: one result per account
  and Region with Status SUCCEEDED/FAILED/CANCELLED and StatusReason.
- UpdateStackSet (template, Parameters with UsePreviousValue, Capabilities, roles) updates every
  instance's stack (or the Accounts/Regions given) with its overrides; UpdateStackInstances changes
  the overrides of the given instances and updates their stacks.
- DeleteStackInstances deletes each instance's stack (RetainStacks: the stack stays, only the instance
  goes); a stack whose delete fails leaves its instance INOPERABLE. DeleteStackSet needs no instances
  (moto already refuses that: StackSetNotEmptyException).

moto 5.2.1: self-managed instances create a stack named `StackSet:<name>` (not a valid stack name)
with the overrides *instead of* the stack set's parameters, and no role check; service-managed
instances build a hidden stack no account lists. Any failure of one stack fails the whole API call
(HTTP 500 for a missing SSM parameter). Every operation is SUCCEEDED, every instance CURRENT with
DetailedStatus SUCCEEDED; OperationPreferences, RetainStacks and Capabilities are ignored;
ListStackSetOperationResults is a fixed answer (AccountGate "Function not found" us-west-2);
UpdateStackSet/UpdateStackInstances change no stack.

Patch: the response handlers of these actions are replaced; the operation runs synchronously inside
the request (moto has no background deployer): the returned OperationId's operation is already
SUCCEEDED or FAILED. The stacks are created, updated and deleted with moto's CloudFormation backend
of the target account and Region (so the other patches apply: custom resources, deletes ...).
Not modelled: AutoDeployment, CallAs DELEGATED_ADMIN, StopStackSetOperation of a running operation,
concurrent operations (OperationInProgressException), stack import, drift.
"""
import math
import uuid
from typing import Any

IAM_TYPES = {
    "AWS::IAM::AccessKey", "AWS::IAM::Group", "AWS::IAM::InstanceProfile", "AWS::IAM::ManagedPolicy",
    "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::UserToGroupAddition",
}
IAM_NAME_PROPERTIES = {
    "AWS::IAM::Group": "GroupName", "AWS::IAM::InstanceProfile": "InstanceProfileName",
    "AWS::IAM::ManagedPolicy": "ManagedPolicyName", "AWS::IAM::Role": "RoleName", "AWS::IAM::User": "UserName",
}


def _error(code: str, message: str) -> Exception:
    from moto.cloudformation.exceptions import CloudFormationError

    err = CloudFormationError(message)
    err.code = code
    return err


def _template_dict(template: str) -> dict[str, Any]:
    from moto.cloudformation.models import Stack

    try:
        parsed = Stack.parse_template(template)
    except Exception as exc:
        raise _error("ValidationError", f"Template format error: {exc}")
    return parsed if isinstance(parsed, dict) else {}


def required_capability(template: str) -> str | None:
    """CAPABILITY_NAMED_IAM for a named IAM resource, CAPABILITY_IAM for any other IAM resource, else None."""
    needed = None
    for resource in (_template_dict(template).get("Resources") or {}).values():
        rtype = (resource or {}).get("Type")
        if rtype in IAM_TYPES:
            needed = needed or "CAPABILITY_IAM"
            if IAM_NAME_PROPERTIES.get(rtype) in ((resource.get("Properties") or {})):
                return "CAPABILITY_NAMED_IAM"
    return needed


def check_capabilities(template: str, capabilities: list[str]) -> None:
    needed = required_capability(template)
    if needed == "CAPABILITY_NAMED_IAM" and "CAPABILITY_NAMED_IAM" not in capabilities:
        raise _error("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_NAMED_IAM]")
    if needed == "CAPABILITY_IAM" and not {"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"} & set(capabilities):
        raise _error("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]")


class SetInstance:
    """One stack instance (an account and Region of a stack set); replaces moto's StackInstance."""

    def __init__(self, stack_set: Any, account: str, region: str, overrides: list[dict[str, Any]], ou_id: str | None):
        self.stack_set = stack_set
        self.stackset_id = stack_set.id
        self.account_id = account
        self.region_name = region
        self.overrides = [o for o in overrides if "ParameterValue" in o]
        self.ou_id = ou_id
        self.stack_id: str | None = None
        self.status = "OUTDATED"
        self.detailed_status = "PENDING"
        self.reason: str | None = None
        self.last_operation_id: str | None = None

    @property
    def backend(self) -> Any:
        from moto.cloudformation.models import cloudformation_backends

        return cloudformation_backends[self.account_id][self.region_name]

    def live_stack(self) -> Any:
        return self.backend.stacks.get(self.stack_id) if self.stack_id else None

    def parameters(self) -> dict[str, Any]:
        values = dict(self.stack_set.parameters or {})
        values.update({o["ParameterKey"]: o["ParameterValue"] for o in self.overrides})
        return values

    def to_dict(self) -> dict[str, Any]:
        summary: dict[str, Any] = {
            "StackSetId": self.stackset_id,
            "Region": self.region_name,
            "Account": self.account_id,
            "Status": self.status,
            "StackInstanceStatus": {"DetailedStatus": self.detailed_status},
            "ParameterOverrides": [{"ParameterKey": o["ParameterKey"], "ParameterValue": o["ParameterValue"]} for o in self.overrides],
            "DriftStatus": "NOT_CHECKED",
        }
        if self.stack_id:
            summary["StackId"] = self.stack_id
        if self.reason:
            summary["StatusReason"] = self.reason
        if self.ou_id:
            summary["OrganizationalUnitId"] = self.ou_id
        if self.last_operation_id:
            summary["LastOperationId"] = self.last_operation_id
        return summary

    def delete(self) -> None:  # moto's interface (StackInstances.delete); our delete path is delete_instance
        delete_instance(self, retain=False)


def _role_problem(instance: SetInstance) -> str | None:
    """Self-managed: AWS's reason when the administration role (admin account) or the execution role
    (target account) does not exist; None when both exist or the stack set is service-managed."""
    from moto.iam.models import iam_backends

    stack_set = instance.stack_set
    if stack_set.permission_model != "SELF_MANAGED":
        return None
    admin_arn = stack_set.administration_role_arn
    admin_account = admin_arn.split(":")[4] or stack_set._admin_account
    admin_name = admin_arn.split("/")[-1]
    if not _role_exists(iam_backends, admin_account, admin_name):
        return f"Account {admin_account} should have '{admin_name}' role with trust relationship to CloudFormation service."
    if not _role_exists(iam_backends, instance.account_id, stack_set.execution_role_name):
        return (f"Account {instance.account_id} should have '{stack_set.execution_role_name}' role with trust "
                f"relationship to Role '{admin_name}'.")
    return None


def _role_exists(iam_backends: Any, account: str, name: str) -> bool:
    try:
        iam_backends[account]["aws"].get_role(name)
        return True
    except Exception:
        return False


def _stack_failure(stack: Any) -> str:
    """AWS's instance StatusReason for a stack that did not complete: its first failed resource."""
    for event in stack.events:
        status = str(getattr(event, "resource_status", ""))
        if status.endswith("_FAILED") and getattr(event, "logical_resource_id", None) != stack.name:
            return (f"ResourceLogicalId:{event.logical_resource_id}, ResourceType:{event.resource_type}, "
                    f"ResourceStatusReason:{event.resource_status_reason}.")
    return f"Stack {stack.name} ended {stack.status}."


def _message(exc: Exception) -> str:
    return str(getattr(exc, "message", None) or exc)


def deploy_instance(instance: SetInstance) -> str | None:
    """Creates (or updates) the instance's stack in its account and Region; None or the failure reason."""
    problem = _role_problem(instance)
    if problem:
        return problem
    stack_set = instance.stack_set
    backend = instance.backend
    params = instance.parameters()
    tags = dict(stack_set.tags or {}) or None
    stack = instance.live_stack()
    if stack is None:
        name = f"StackSet-{stack_set.name}-{uuid.uuid4()}"
        try:
            stack = backend.create_stack(name=name, template=stack_set.template, parameters=params, tags=tags)
        except Exception as exc:
            for leftover in [s for s in backend.stacks.values() if s.name == name]:
                try:
                    backend.delete_stack(leftover.stack_id)
                except Exception:
                    pass
            return _message(exc)
        instance.stack_id = stack.stack_id
        if stack.status != "CREATE_COMPLETE":
            reason = _stack_failure(stack)
            try:  # StackSets deletes a stack whose create failed
                backend.delete_stack(stack.stack_id)
            except Exception:
                pass
            instance.stack_id = None
            return reason
        return None
    try:
        backend.update_stack(
            name=stack.stack_id, template=stack_set.template, role_arn=None,
            parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in params.items()], tags=tags,
        )
    except Exception as exc:
        if "No updates are to be performed" in _message(exc):
            return None
        return _message(exc)
    return None if stack.status == "UPDATE_COMPLETE" else _stack_failure(stack)


def delete_instance(instance: SetInstance, retain: bool) -> str | None:
    """Deletes the instance's stack (unless retain); None or the failure reason."""
    stack = instance.live_stack()
    if retain or stack is None:
        return None
    try:
        instance.backend.delete_stack(stack.stack_id)
    except Exception as exc:
        return _message(exc)
    still = instance.backend.stacks.get(stack.stack_id)
    if still is not None and still.status != "DELETE_COMPLETE":
        return _stack_failure(still)
    return None


def _limit(prefs: dict[str, Any], count_key: str, pct_key: str, accounts: int, default: int, minimum: int) -> int:
    if prefs.get(count_key) is not None:
        return int(prefs[count_key])
    if prefs.get(pct_key) is not None:
        return max(minimum, math.floor(accounts * int(prefs[pct_key]) / 100))
    return default


def run_operation(stack_set: Any, action: str, targets: list[SetInstance], prefs: dict[str, Any],
                  step: Any, operation_id: str | None = None, retain: bool | None = None) -> dict[str, Any]:
    """Runs step(instance) -> reason|None over targets with AWS's Region order, concurrency and failure
    tolerance; records per-instance results and the operation on the stack set."""
    from moto.core.utils import utcnow

    operation_id = operation_id or str(uuid.uuid4())
    created = utcnow()
    order = [r for r in (prefs.get("RegionOrder") or []) if any(t.region_name == r for t in targets)]
    order += [t.region_name for t in targets if t.region_name not in order]
    regions = list(dict.fromkeys(order))
    results: list[dict[str, Any]] = []
    failed_total = 0
    stopped = False
    for region in regions:
        in_region = [t for t in targets if t.region_name == region]
        tolerance = _limit(prefs, "FailureToleranceCount", "FailureTolerancePercentage", len(in_region), 0, 0)
        concurrent = _limit(prefs, "MaxConcurrentCount", "MaxConcurrentPercentage", len(in_region), 1, 1)
        if prefs.get("ConcurrencyMode", "STRICT_FAILURE_TOLERANCE") == "STRICT_FAILURE_TOLERANCE":
            concurrent = min(concurrent, tolerance + 1)
        failed = 0
        for start in range(0, len(in_region), max(1, concurrent)):
            batch = in_region[start:start + max(1, concurrent)]
            for instance in batch:
                if stopped:
                    break
                instance.last_operation_id = operation_id
                reason = step(instance)
                results.append(_result(instance, "FAILED" if reason else "SUCCEEDED", reason))
                if reason:
                    failed += 1
            if failed > tolerance:
                stopped = True
            if stopped:
                break
        failed_total += failed
        if stopped:
            done = {(r["Account"], r["Region"]) for r in results}
            for instance in targets:
                if (instance.account_id, instance.region_name) not in done:
                    instance.last_operation_id = operation_id
                    results.append(_result(instance, "CANCELLED", "Cancelled since failure tolerance has exceeded"))
            break
    operation: dict[str, Any] = {
        "OperationId": operation_id,
        "StackSetId": stack_set.id,
        "Action": action,
        "Status": "FAILED" if stopped else "SUCCEEDED",
        "OperationPreferences": {k: v for k, v in prefs.items() if v is not None},
        "AdministrationRoleARN": stack_set.administration_role_arn,
        "ExecutionRoleName": stack_set.execution_role_name,
        "CreationTimestamp": created,
        "EndTimestamp": utcnow(),
        "StatusDetails": {"FailedStackInstancesCount": failed_total},
        "Instances": [{r["Account"]: r["Region"]} for r in results],
        "_results": results,
    }
    if stopped:
        operation["StatusReason"] = "The operation exceeded the failure tolerance."
    if retain is not None:
        operation["RetainStacks"] = retain
    stack_set.operations.append(operation)
    return operation


def _result(instance: SetInstance, status: str, reason: str | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "Account": instance.account_id,
        "Region": instance.region_name,
        "Status": status,
        "AccountGateResult": {"Status": "SKIPPED", "StatusReason": "AWSCloudFormationStackSetAccountGate function not found in this account and Region"},
    }
    if reason:
        result["StatusReason"] = reason
    if instance.ou_id:
        result["OrganizationalUnitId"] = instance.ou_id
    return result


def _mark(instance: SetInstance, action: str):  # type: ignore[no-untyped-def]
    """Wraps a step so the instance's status follows its outcome."""

    def run(reason: str | None) -> str | None:
        if reason is None:
            instance.status, instance.detailed_status, instance.reason = "CURRENT", "SUCCEEDED", None
        elif action == "DELETE":
            instance.status, instance.detailed_status, instance.reason = "INOPERABLE", "INOPERABLE", reason
        else:
            instance.status, instance.detailed_status, instance.reason = "OUTDATED", "FAILED", reason
        return reason

    return run


def _cancel_untouched(targets: list[SetInstance], operation: dict[str, Any]) -> None:
    for result in operation["_results"]:
        if result["Status"] != "CANCELLED":
            continue
        for instance in targets:
            if (instance.account_id, instance.region_name) == (result["Account"], result["Region"]):
                instance.detailed_status, instance.reason = "CANCELLED", result["StatusReason"]
                if instance.status == "CURRENT":
                    instance.status = "OUTDATED"


def _prefs(response: Any) -> dict[str, Any]:
    prefs = response._get_params().get("OperationPreferences") or {}
    return dict(prefs)


def _accounts_of(response: Any, stack_set: Any) -> list[tuple[str, str | None]]:
    """(account, OU id) targets: Accounts, or DeploymentTargets (Accounts, OrganizationalUnitIds and their child OUs)."""
    from moto.organizations.models import organizations_backends
    from moto.utilities.utils import get_partition

    params = response._get_params()
    targets = params.get("DeploymentTargets") or {}
    accounts: list[tuple[str, str | None]] = [(a, None) for a in (params.get("Accounts") or targets.get("Accounts") or [])]
    ous = list(targets.get("OrganizationalUnitIds") or [])
    if stack_set.permission_model == "SERVICE_MANAGED" and not ous:
        raise _error("ValidationError", "StackSets with SERVICE_MANAGED permission model can only have OrganizationalUnit as target")
    if stack_set.permission_model == "SELF_MANAGED" and ous:
        raise _error("ValidationError", "StackSets with SELF_MANAGED permission model can only have accounts as target")
    if ous:
        org = organizations_backends[stack_set._admin_account][get_partition(stack_set._region)]
        pending = list(ous)
        seen: list[str] = []
        while pending:
            ou_id = pending.pop(0)
            if ou_id in seen:
                continue
            seen.append(ou_id)
            pending += [ou.id for ou in org.ou if ou.parent_id == ou_id]
            accounts += [(acct.id, ou_id) for acct in org.accounts if acct.parent_id == ou_id]
    for account, _ in accounts:
        if not (len(account) == 12 and account.isdigit()):
            raise _error("ValidationError", f"1 validation error detected: Value '{account}' at 'accounts' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9]{{12}}$")
    return list(dict.fromkeys(accounts))


def _instances(stack_set: Any) -> list[SetInstance]:
    return stack_set.instances.stack_instances


def _find(stack_set: Any, account: str, region: str) -> SetInstance | None:
    for instance in _instances(stack_set):
        if instance.account_id == account and instance.region_name == region:
            return instance
    return None


def apply() -> None:
    from moto.cloudformation import models
    from moto.cloudformation.responses import CloudFormationResponse
    from moto.core.responses import ActionResult

    original_init = models.StackSet.__init__

    def stack_set_init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original_init(self, *args, **kwargs)
        self._admin_account = kwargs.get("account_id")
        self._region = kwargs.get("region")
        self.capabilities: list[str] = []

    models.StackSet.__init__ = stack_set_init

    original_create_stack_set = CloudFormationResponse.create_stack_set

    def create_stack_set(self):  # type: ignore[no-untyped-def]
        body = self._get_param("TemplateBody")
        url = self._get_param("TemplateURL")
        if not body and not url:
            raise _error("ValidationError", "Either TemplateBody or TemplateURL must be specified.")
        template = self._get_stack_from_s3_url(url) if url else body
        capabilities = list(self._get_params().get("Capabilities") or [])
        check_capabilities(template, capabilities)
        result = original_create_stack_set(self)
        stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
        stack_set.capabilities = capabilities
        return result

    def create_stack_instances(self):  # type: ignore[no-untyped-def]
        stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
        regions = list(self._get_params().get("Regions") or [])
        overrides = list(self._get_params().get("ParameterOverrides") or [])
        targets: list[SetInstance] = []
        for account, ou_id in _accounts_of(self, stack_set):
            for region in regions:
                instance = _find(stack_set, account, region)
                if instance is None:
                    instance = SetInstance(stack_set, account, region, overrides, ou_id)
                    _instances(stack_set).append(instance)
                elif overrides:
                    instance.overrides = [o for o in overrides if "ParameterValue" in o]
                targets.append(instance)
        operation = run_operation(stack_set, "CREATE", targets, _prefs(self),
                                  lambda i: _mark(i, "CREATE")(deploy_instance(i)), self._get_param("OperationId"))
        _cancel_untouched(targets, operation)
        return ActionResult({"OperationId": operation["OperationId"]})

    def update_stack_instances(self):  # type: ignore[no-untyped-def]
        stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
        regions = list(self._get_params().get("Regions") or [])
        given = self._get_params().get("ParameterOverrides")
        targets = []
        for account, _ in _accounts_of(self, stack_set):
            for region in regions:
                instance = _find(stack_set, account, region)
                if instance is None:
                    raise _error("StackInstanceNotFoundException", f"Stack instance {account}/{region} not found in StackSet {stack_set.name}")
                targets.append(instance)
        if given is not None:
            for instance in targets:
                previous = {o["ParameterKey"]: o for o in instance.overrides}
                instance.overrides = [previous[o["ParameterKey"]] if o.get("UsePreviousValue") and o["ParameterKey"] in previous else o
                                      for o in given if "ParameterValue" in o or o["ParameterKey"] in previous]
        operation = run_operation(stack_set, "UPDATE", targets, _prefs(self),
                                  lambda i: _mark(i, "UPDATE")(deploy_instance(i)), self._get_param("OperationId"))
        _cancel_untouched(targets, operation)
        return ActionResult({"OperationId": operation["OperationId"]})

    def update_stack_set(self):  # type: ignore[no-untyped-def]
        stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
        params = self._get_params()
        template = self._get_stack_from_s3_url(params["TemplateURL"]) if params.get("TemplateURL") else params.get("TemplateBody")
        if params.get("UsePreviousTemplate") or not template:
            template = stack_set.template
        capabilities = list(params.get("Capabilities") or [])
        check_capabilities(template, capabilities)
        values = {}
        for p in params.get("Parameters") or []:
            if p.get("UsePreviousValue"):
                values[p["ParameterKey"]] = (stack_set.parameters or {}).get(p["ParameterKey"])
            elif "ParameterValue" in p:
                values[p["ParameterKey"]] = p["ParameterValue"]
        stack_set.template = template
        stack_set.parameters = values
        stack_set.capabilities = capabilities
        if params.get("Description") is not None:
            stack_set.description = params["Description"]
        if params.get("Tags") is not None:
            stack_set.tags = {t["Key"]: t["Value"] for t in params["Tags"]}
        stack_set.administration_role_arn = params.get("AdministrationRoleARN") or stack_set.administration_role_arn
        stack_set.execution_role_name = params.get("ExecutionRoleName") or stack_set.execution_role_name
        if params.get("Accounts") or params.get("DeploymentTargets"):
            wanted = {a for a, _ in _accounts_of(self, stack_set)}
            regions = set(params.get("Regions") or [])
            targets = [i for i in _instances(stack_set) if i.account_id in wanted and (not regions or i.region_name in regions)]
        else:
            targets = list(_instances(stack_set))
        operation = run_operation(stack_set, "UPDATE", targets, _prefs(self),
                                  lambda i: _mark(i, "UPDATE")(deploy_instance(i)), params.get("OperationId"))
        _cancel_untouched(targets, operation)
        return ActionResult({"OperationId": operation["OperationId"]})

    def delete_stack_instances(self):  # type: ignore[no-untyped-def]
        stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
        params = self._get_params()
        retain = str(params.get("RetainStacks", "false")).lower() == "true"
        regions = list(params.get("Regions") or [])
        targets = [i for account, _ in _accounts_of(self, stack_set) for region in regions
                   if (i := _find(stack_set, account, region)) is not None]

        def step(instance: SetInstance) -> str | None:
            reason = _mark(instance, "DELETE")(delete_instance(instance, retain))
            if reason is None:
                _instances(stack_set).remove(instance)
            return reason

        operation = run_operation(stack_set, "DELETE", targets, _prefs(self), step, params.get("OperationId"), retain)
        _cancel_untouched([t for t in targets if t in _instances(stack_set)], operation)
        return ActionResult({"OperationId": operation["OperationId"]})

    def _operation(self):  # type: ignore[no-untyped-def]
        stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
        operation_id = self._get_param("OperationId")
        for operation in stack_set.operations:
            if operation["OperationId"] == operation_id:
                return stack_set, operation
        raise _error("OperationNotFoundException", f"Operation {operation_id} not found")

    def public(operation: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in operation.items() if not k.startswith("_") and k != "Instances"}

    def describe_stack_set_operation(self):  # type: ignore[no-untyped-def]
        _, operation = _operation(self)
        return ActionResult({"StackSetOperation": public(operation)})

    def list_stack_set_operations(self):  # type: ignore[no-untyped-def]
        stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
        return ActionResult({"Summaries": [public(o) for o in stack_set.operations]})

    def list_stack_set_operation_results(self):  # type: ignore[no-untyped-def]
        _, operation = _operation(self)
        return ActionResult({"Summaries": operation.get("_results", [])})

    def describe_stack_instance(self):  # type: ignore[no-untyped-def]
        stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
        instance = _find(stack_set, self._get_param("StackInstanceAccount"), self._get_param("StackInstanceRegion"))
        if instance is None:
            raise _error("StackInstanceNotFoundException",
                         f"Stack instance {self._get_param('StackInstanceAccount')}/{self._get_param('StackInstanceRegion')} not found in StackSet {stack_set.name}")
        return ActionResult({"StackInstance": instance.to_dict()})

    def list_stack_instances(self):  # type: ignore[no-untyped-def]
        stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
        account = self._get_param("StackInstanceAccount")
        region = self._get_param("StackInstanceRegion")
        found = [i.to_dict() for i in _instances(stack_set)
                 if (not account or i.account_id == account) and (not region or i.region_name == region)]
        return ActionResult({"Summaries": found})

    for name, fn in {
        "create_stack_set": create_stack_set,
        "create_stack_instances": create_stack_instances,
        "update_stack_instances": update_stack_instances,
        "update_stack_set": update_stack_set,
        "delete_stack_instances": delete_stack_instances,
        "describe_stack_set_operation": describe_stack_set_operation,
        "list_stack_set_operations": list_stack_set_operations,
        "list_stack_set_operation_results": list_stack_set_operation_results,
        "describe_stack_instance": describe_stack_instance,
        "list_stack_instances": list_stack_instances,
    }.items():
        setattr(CloudFormationResponse, name, fn)
