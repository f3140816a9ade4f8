"""A stack parameter of an `AWS::SSM::Parameter::Value<…>` type names a parameter the stack's account lacks: ValidationError.

AWS: CloudFormation resolves such a parameter in Parameter Store of the account and region the stack is
created in; when it does not exist there, CreateStack (and CreateChangeSet, a stack instance of a
StackSet) fails with `ValidationError: Unable to fetch parameters [<name>] from parameter store for
this account.`, and no stack is created. A CDK template's `BootstrapVersion` parameter
(`/cdk-bootstrap/hnb659fds/version`) fails this way in an account that is not bootstrapped.

moto 5.2.1 (`ResourceMap.parse_ssm_parameter`): `get_parameter` answers None and `None.value`
raises AttributeError: HTTP 500 with an HTML body.

Patch: parse_ssm_parameter raises moto's CloudFormation ValidationError with AWS's message when the
parameter does not exist in the stack's account and region (moto's ssm backend of that account).
"""
import functools


def apply() -> None:
    from moto.cloudformation.exceptions import ValidationError
    from moto.cloudformation.parsing import ResourceMap
    from moto.ssm.models import ssm_backends

    original = ResourceMap.parse_ssm_parameter

    @functools.wraps(original)
    def parse_ssm_parameter(self, value, value_type):  # type: ignore[no-untyped-def]
        if ssm_backends[self._account_id][self._region_name].get_parameter(value) is None:
            raise ValidationError(message=f"Unable to fetch parameters [{value}] from parameter store for this account.")
        return original(self, value, value_type)

    ResourceMap.parse_ssm_parameter = parse_ssm_parameter
