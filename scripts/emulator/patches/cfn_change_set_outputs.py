"""ExecuteChangeSet: the stack gets the change set's Outputs and Exports.

AWS: after a change set executes (the way `cdk deploy` and `cdk bootstrap`
deploy), DescribeStacks shows the template's Outputs, and its Exports are
registered for Fn::ImportValue / ListExports (CDK cross-stack references).

moto 5.2.1: a CREATE change set makes the stack with an empty template;
`execute_change_set` applies the resources and sets `stack.template`, but
the stack's parsed template and output map stay those of the empty template:
no Outputs (the CDKToolkit stack shows none) and no Exports.

Patch: wraps `CloudFormationBackend.execute_change_set`: after moto's own
execution succeeds, the stack's parsed template, description and output map
are refreshed from the executed template and its exports registered, as
create_stack / update_stack do.
"""
import functools


def apply() -> None:
    from moto.cloudformation.models import CloudFormationBackend

    original = CloudFormationBackend.execute_change_set

    @functools.wraps(original)
    def execute_change_set(self, change_set_name, stack_name=None):  # type: ignore[no-untyped-def]
        result = original(self, change_set_name, stack_name)
        change_set = self.change_sets.get(change_set_name) or next(
            (
                cs
                for cs in self.change_sets.values()
                if cs.change_set_name == change_set_name and (stack_name is None or stack_name in (cs.stack_name, cs.stack_id))
            ),
            None,
        )
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
