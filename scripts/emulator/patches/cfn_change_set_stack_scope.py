"""Change set names are scoped to their stack (DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet, ListChangeSets).

AWS: a change set name is unique per stack only; DescribeChangeSet,
ExecuteChangeSet and DeleteChangeSet take StackName + ChangeSetName (or the
change set ARN alone) and act on that stack's change set; for Describe and
Execute an unknown one is `ChangeSetNotFound` ("ChangeSet [name] does not
exist"), while DeleteChangeSet of a change set the (existing) stack does not
have succeeds: its only documented error is InvalidChangeSetStatus, and the CDK
CLI relies on it ("Removing existing change set with name ... if it exists"
before every `cdk deploy` and `cdk diff` of a deployed stack). ListChangeSets
lists the change sets of StackName only. `cdk deploy` names every stack's change
set `cdk-deploy-change-set`, so `--concurrency 3` has three of that name at once.

moto 5.2.1 (`CloudFormationBackend.describe_change_set` / `execute_change_set`
/ `delete_change_set`): matches the name across all stacks and ignores
StackName (describe and execute take the last match, delete the first);
ListChangeSets lists every stack's change sets. With concurrent deploys,
stack A's ExecuteChangeSet runs stack B's change set (B created twice, A stays
REVIEW_IN_PROGRESS, its exports never registered: "No export named ... found"
for the stacks that import them), and DeleteChangeSet can delete another
stack's change set.

Patch: the four response handlers resolve StackName + ChangeSetName to that
stack's change set ARN (an ARN is used as is) and call moto's backend with the
ARN; no match raises ChangeSetNotFound, except in DeleteChangeSet, which then
answers success (a StackName that names no stack: moto's ValidationError
"Stack with id ... does not exist"). ListChangeSets filters by StackName.
"""
import functools
from typing import Any

from moto.cloudformation.exceptions import CloudFormationError


class ChangeSetNotFound(CloudFormationError):
    code = "ChangeSetNotFound"

    def __init__(self, name: str):
        super().__init__(f"ChangeSet [{name}] does not exist")


def _stack_matches(change_set: Any, stack_name: str | None) -> bool:
    return not stack_name or stack_name in (change_set.stack_name, change_set.stack_id)


def resolve(backend: Any, stack_name: str | None, name: str) -> str:
    """The ARN of the change set `name` (name or ARN) of stack `stack_name` (name or id)."""
    if name in backend.change_sets:
        return name
    matches = [
        cs.change_set_id
        for cs in backend.change_sets.values()
        if cs.change_set_name == name and _stack_matches(cs, stack_name)
    ]
    if not matches:
        raise ChangeSetNotFound(name)
    return matches[-1]


def apply() -> None:
    from moto.cloudformation.responses import CloudFormationResponse
    from moto.core.responses import ActionResult, EmptyResult

    def describe_change_set(self):  # type: ignore[no-untyped-def]
        arn = resolve(self.cloudformation_backend, self._get_param("StackName"), self._get_param("ChangeSetName"))
        return ActionResult(self.cloudformation_backend.describe_change_set(change_set_name=arn))

    def execute_change_set(self):  # type: ignore[no-untyped-def]
        stack_name = self._get_param("StackName")
        arn = resolve(self.cloudformation_backend, stack_name, self._get_param("ChangeSetName"))
        self.cloudformation_backend.execute_change_set(stack_name=stack_name, change_set_name=arn)
        return EmptyResult()

    def delete_change_set(self):  # type: ignore[no-untyped-def]
        stack_name = self._get_param("StackName")
        if stack_name:
            self.cloudformation_backend.get_stack(stack_name)  # ValidationError for a stack that does not exist
        try:
            arn = resolve(self.cloudformation_backend, stack_name, self._get_param("ChangeSetName"))
        except ChangeSetNotFound:
            return EmptyResult()  # nothing to delete: success, as on AWS
        self.cloudformation_backend.delete_change_set(change_set_name=arn)
        return EmptyResult()

    original_list = CloudFormationResponse.list_change_sets

    @functools.wraps(original_list)
    def list_change_sets(self):  # type: ignore[no-untyped-def]
        stack_name = self._get_param("StackName")
        change_sets = [cs for cs in self.cloudformation_backend.list_change_sets() if _stack_matches(cs, stack_name)]
        return ActionResult({"Summaries": change_sets})

    for name, fn in (
        ("describe_change_set", describe_change_set),
        ("execute_change_set", execute_change_set),
        ("delete_change_set", delete_change_set),
    ):
        functools.update_wrapper(fn, getattr(CloudFormationResponse, name))
        setattr(CloudFormationResponse, name, fn)
    CloudFormationResponse.list_change_sets = list_change_sets
