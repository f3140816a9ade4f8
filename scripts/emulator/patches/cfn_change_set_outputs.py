"""ExecuteChangeSet: the stack gets the change set's Outputs and Exports, and imports other stacks' Exports.

AWS: after a change set executes (the way `cdk deploy` and `cdk bootstrap`
deploy), DescribeStacks shows the template's Outputs, and its Exports are
registered for Fn::ImportValue / ListExports (CDK cross-stack references).
A change set's Fn::ImportValue resolves against the account/region's
exports, whoever registered them and whenever.

moto 5.2.1: a CREATE change set makes the stack with an empty template;
`execute_change_set` applies the resources and sets `stack.template`, but
the stack's parsed template and output map stay those of the empty template:
no Outputs (the CDKToolkit stack shows none) and no Exports.
`create_change_set` also builds the Stack without `cross_stack_resources`
(create_stack passes the backend's `exports`), so the stack's resource map
gets a private empty dict: every Fn::ImportValue in a change set fails with
"No export named ... found." even when ListExports shows the export.
(create_stack has a milder form: `cross_stack_resources or {}` also swaps an
empty backend dict for a private one.)

Patch: wraps `CloudFormationBackend.execute_change_set`: before moto's own
execution, the stack and its resource map look exports up in the backend's
live `exports` dict; after it succeeds, the stack's parsed template,
description and output map are refreshed from the executed template and its
exports registered, as create_stack / update_stack do.
"""
import functools


def apply() -> None:
    from moto.cloudformation.models import CloudFormationBackend

    original = CloudFormationBackend.execute_change_set

    def find(self, change_set_name, stack_name):  # type: ignore[no-untyped-def]
        return self.change_sets.get(change_set_name) or next(
            (
                cs
                for cs in self.change_sets.values()
                if cs.change_set_name == change_set_name and (stack_name is None or stack_name in (cs.stack_name, cs.stack_id))
            ),
            None,
        )

    @functools.wraps(original)
    def execute_change_set(self, change_set_name, stack_name=None):  # type: ignore[no-untyped-def]
        change_set = find(self, change_set_name, stack_name)
        if change_set is not None:
            # Fn::ImportValue resolves against the backend's exports (moto: a private empty dict).
            change_set.stack.cross_stack_resources = self.exports
            change_set.stack.resource_map.cross_stack_resources = self.exports
        result = original(self, change_set_name, stack_name)
        if change_set is None:
            return result
        stack = change_set.stack
        stack.template_dict = change_set.template_dict
        stack.description = stack.template_dict.get("Description")
        stack.output_map = stack._create_output_map()
        for export in stack.exports:
            self.exports[export.name] = export
        return result

    CloudFormationBackend.execute_change_set = execute_change_set
