"""Stack updates take parameter values as AWS does: UsePreviousValue keeps the SSM parameter name.

AWS: in an update (CreateChangeSet of type UPDATE, UpdateStack), a parameter
with `UsePreviousValue: true` keeps the value the stack runs with; for a
Systems Manager parameter type (`AWS::SSM::Parameter::Value<…>`) that value is
the parameter *name* ("UsePreviousValue … tell CloudFormation to use the
existing Systems Manager parameter key—not its value. CloudFormation always
fetches the latest values from Parameter Store when it updates stacks."). A
parameter that took its template Default keeps that default. A resource is
updated for a parameter only when the parameter's value (for an SSM type: the
resolved value) changes.

moto 5.2.1: the CreateChangeSet handler fills a UsePreviousValue parameter with
the stack's *resolved* value (`stack.stack_parameters`): for an SSM type the
AMI id (or "33" for the CDK's BootstrapVersion), which ExecuteChangeSet then
looks up as an SSM parameter name: AttributeError ('NoneType' object has no
attribute 'value'), HTTP 500 with an HTML body ("@aws-sdk XML parse error:
mismatched tags" in the CDK CLI). The CDK CLI sends UsePreviousValue for every
parameter a deployed stack has, and every CDK stack has one of SSM type
(BootstrapVersion), so every `cdk deploy` of a changed stack failed that way,
and `cdk deploy` of a stack with an SSM AMI parameter failed even unchanged.
Its update (`ResourceMap.build_resource_diff`) counts a parameter as changed
when the given value differs from the value *given at create* (none when the
template's Default was used): every resource that Refs such a parameter is
"modified", and one moto has no CloudFormation update for (AWS::EC2::Instance)
is dropped from the stack (its entry becomes None).

Patch:
- The CreateChangeSet handler replaces each `UsePreviousValue` entry of an
  UPDATE request with the stack's previous value (given before, else the
  deployed template's Default; the SSM name for SSM types) before moto's
  handler reads the Parameters.
- `ResourceMap.build_resource_diff` with parameters: moto's template diff,
  plus Modify for each unchanged resource that Refs a parameter whose value
  changed as above (`cfn_changed_parameters`: another value, or the same SSM
  name now resolving to another value).
"""
import functools

from patches import cfn_bool, cfn_changed_parameters, cfn_parameter_values


def apply() -> None:
    from moto.cloudformation.parsing import ResourceMap, get_references_from_template
    from moto.cloudformation.responses import CloudFormationResponse

    original_create_change_set = CloudFormationResponse.create_change_set

    @functools.wraps(original_create_change_set)
    def create_change_set(self):  # type: ignore[no-untyped-def]
        if self._get_param("ChangeSetType", "CREATE") == "UPDATE":
            stack = self.cloudformation_backend.get_stack(self._get_param("StackName"))
            resource_map = stack.resource_map
            previous = cfn_parameter_values(resource_map._template or {}, resource_map.input_parameters or {})
            # The parsed request's list itself: moto's handler reads it next.
            for parameter in self._get_param("Parameters", []):
                key = parameter.get("ParameterKey")
                if cfn_bool(parameter.get("UsePreviousValue")) and previous.get(key) is not None:
                    parameter.pop("UsePreviousValue")
                    parameter["ParameterValue"] = previous[key]
        return original_create_change_set(self)

    CloudFormationResponse.create_change_set = create_change_set

    original_diff = ResourceMap.build_resource_diff

    @functools.wraps(original_diff)
    def build_resource_diff(self, other_template, parameters=None):  # type: ignore[no-untyped-def]
        if parameters is None:
            return original_diff(self, other_template, None)
        diff = original_diff(self, other_template, None)
        # moto's update() loads the given parameters, or keeps the previous ones when none are given.
        changed = cfn_changed_parameters(self, other_template, parameters or self.input_parameters or {})
        old = self._resource_json_map
        for name, resource in other_template["Resources"].items():
            if name in old and resource == old[name] and name not in diff["Modify"]:
                if changed.intersection(get_references_from_template(resource)):
                    diff["Modify"].append(name)
        return diff

    ResourceMap.build_resource_diff = build_resource_diff
