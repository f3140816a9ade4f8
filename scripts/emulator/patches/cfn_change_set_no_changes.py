"""A change set that changes nothing FAILs with AWS's reason; the stack is untouched.

AWS: CreateChangeSet (type UPDATE) for a template, parameter values and stack
tags equal to what the stack runs succeeds, and the change set ends
Status FAILED, ExecutionStatus UNAVAILABLE, StatusReason "The submitted
information didn't contain changes. Submit different information to create a
change set." The stack stays as it is (CREATE_COMPLETE / UPDATE_COMPLETE), and
the change set cannot be executed (InvalidChangeSetStatus). The CDK CLI, which
always creates a change set for a stack with SSM parameters (it cannot know
their values), reports "(no changes)" for such a change set, deletes it and
exits 0; `cdk diff` shows no differences. Parameter values compare as given:
for an SSM parameter type the parameter name (given again or through
UsePreviousValue), together with the value CloudFormation fetches for it, which
it compares with the value resolved at the last deploy. A changed stack tag is a
change: ExecuteChangeSet gives the stack the change set's tags.

moto 5.2.1 (`CloudFormationBackend.create_change_set`): compares the request's
parameters with those given when the stack was *created* (the CDK CLI gives
none then and all of them, through UsePreviousValue, later), so an unchanged
stack got a CREATE_COMPLETE change set, and `cdk deploy` executed it as an
update. Given a TemplateBody equal to the stack's and parameters, the
CreateChangeSet handler instead refuses the call with UpdateStack's
ValidationError "No updates are to be performed." (when the parameters also
equal the stack's resolved values). Tags are not compared; ExecuteChangeSet
keeps the stack's old tags and runs a change set of any status.

Patch:
- The CreateChangeSet handler does not run UpdateStack's no-update check
  (`_validate_different_update`): the outcome is the change set's status.
- `create_change_set`, for an UPDATE: the change set is FAILED with AWS's
  reason (ExecutionStatus UNAVAILABLE, no Changes) when the parsed template
  equals the stack's, no parameter changed (`cfn_changed_parameters`, with the
  values moto's update would load) and the change set's tags (when given)
  equal the stack's; otherwise CREATE_COMPLETE / AVAILABLE.
- `execute_change_set`: a change set whose ExecutionStatus is not AVAILABLE
  raises InvalidChangeSetStatus (the stack is not touched); after an UPDATE
  with tags, the stack's Tags (DescribeStacks) are the change set's.
"""
import functools
from typing import Any

from moto.cloudformation.exceptions import CloudFormationError

from patches import cfn_changed_parameters

NO_CHANGES = "The submitted information didn't contain changes. Submit different information to create a change set."


class InvalidChangeSetStatus(CloudFormationError):
    code = "InvalidChangeSetStatus"

    def __init__(self, change_set_id: str, status: str):
        super().__init__(f"ChangeSet [{change_set_id}] cannot be executed in its current execution status of [{status}]")


def _has_no_changes(stack: Any, change_set: Any) -> bool:
    try:
        same_template = stack.has_template(change_set.template)
    except Exception:  # a stack without a parsed template (REVIEW_IN_PROGRESS) runs none
        return False
    resource_map = stack.resource_map
    given = change_set.parameters or resource_map.input_parameters or {}
    return (
        same_template
        and not cfn_changed_parameters(resource_map, change_set.template_dict, given)
        and (not change_set.tags or dict(change_set.tags) == dict(stack.tags))
    )


def apply() -> None:
    from moto.cloudformation.models import CloudFormationBackend
    from moto.cloudformation.responses import CloudFormationResponse

    original_validate = CloudFormationResponse._validate_different_update

    @functools.wraps(original_validate)
    def _validate_different_update(self, incoming_params, stack_body, old_stack):  # type: ignore[no-untyped-def]
        if self._get_action() == "CreateChangeSet":
            return None
        return original_validate(self, incoming_params, stack_body, old_stack)

    CloudFormationResponse._validate_different_update = _validate_different_update

    original_create = CloudFormationBackend.create_change_set

    @functools.wraps(original_create)
    def create_change_set(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        change_set_id, stack_id = original_create(self, *args, **kwargs)
        change_set = self.change_sets[change_set_id]
        if change_set.change_set_type == "UPDATE":
            if _has_no_changes(change_set.stack, change_set):
                change_set.status = "FAILED"
                change_set.execution_status = "UNAVAILABLE"
                change_set.status_reason = NO_CHANGES
                change_set.changes = []
            else:
                change_set.status = "CREATE_COMPLETE"
                change_set.execution_status = "AVAILABLE"
                change_set.status_reason = None
        return change_set_id, stack_id

    CloudFormationBackend.create_change_set = create_change_set

    original_execute = CloudFormationBackend.execute_change_set

    @functools.wraps(original_execute)
    def execute_change_set(self, change_set_name, stack_name=None):  # type: ignore[no-untyped-def]
        change_set = self.change_sets.get(change_set_name)
        if change_set is not None and change_set.execution_status != "AVAILABLE":
            raise InvalidChangeSetStatus(change_set.change_set_id, str(change_set.execution_status))
        result = original_execute(self, change_set_name, stack_name)
        if change_set is not None and change_set.change_set_type == "UPDATE" and change_set.tags:
            change_set.stack.tags = dict(change_set.tags)
        return result

    CloudFormationBackend.execute_change_set = execute_change_set
