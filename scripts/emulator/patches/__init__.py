"""One module per moto 5.2.1 gap; each exposes apply() and a docstring naming the AWS behaviour it restores."""
from typing import Any, Callable

# The CloudFormation models the patches add, all kept here: CloudFormationModel.__subclasses__(),
# which moto's parser reads, holds its subclasses weakly.
_CFN_MODELS: list[type] = []


def register_cfn_models(*models: type) -> None:
    """Makes moto's CloudFormation parser see the models (CloudFormationModel subclasses) a patch defines."""
    from moto.cloudformation import parsing

    _CFN_MODELS.extend(models)
    for cached in (parsing.get_model_list, parsing.get_model_map, parsing.get_name_type_map):
        cached.cache_clear()


def cfn_bool(value: Any) -> bool:
    """A CloudFormation Boolean property's value: true or "true" (any case); anything else is false."""
    return str(value).lower() == "true"


def after_cfn_create(model: Any) -> Callable[[Callable[[Any, dict[str, Any], str, str], None]], Any]:
    """Decorator: wraps moto's model.create_from_cloudformation_json so that, after moto's own create,
    the decorated function(resource, properties, account_id, region_name) completes what it created."""
    import functools

    def wrap(extend: Callable[[Any, dict[str, Any], str, str], None]) -> Any:
        original = model.create_from_cloudformation_json.__func__

        @functools.wraps(original)
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def]
            resource = original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
            extend(resource, cloudformation_json.get("Properties") or {}, account_id, region_name)
            return resource

        model.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)
        return extend

    return wrap


def cfn_attribute(resource: Any, attributes: dict[str, str | None], attribute_name: str) -> Any:
    """Fn::GetAtt on resource: attributes maps a GetAtt name to the resource's attribute answering it
    (None: a valid name the model does not answer); anything else is moto's unformatted GetAtt error."""
    from moto.cloudformation.exceptions import UnformattedGetAttTemplateException

    field = attributes.get(attribute_name)
    if field is None:
        raise UnformattedGetAttTemplateException()
    return getattr(resource, field)


class SimpleCfnModel:
    """Mixin for a CloudFormation model a patch adds: `class CfnX(SimpleCfnModel, CloudFormationModel)`
    (moto's parser reads only CloudFormationModel's direct subclasses, so the patch names it; moto is
    imported only inside apply()). The subclass declares CFN_TYPE, NAME_TYPE (the name property, "" for
    none), PHYSICAL_ID (the attribute that is Ref) and ATTRIBUTES (see cfn_attribute), and implements
    create_from_cloudformation_json and delete; defining it registers it (register_cfn_models)."""

    CFN_TYPE: str
    NAME_TYPE = ""
    PHYSICAL_ID = "name"
    ATTRIBUTES: dict[str, str | None] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        register_cfn_models(cls)

    @property
    def physical_resource_id(self) -> str:
        return getattr(self, self.PHYSICAL_ID)  # type: ignore[no-any-return]

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        return cfn_attribute(self, self.ATTRIBUTES, attribute_name)

    @classmethod
    def cloudformation_name_type(cls) -> str:
        return cls.NAME_TYPE

    @classmethod
    def cloudformation_type(cls) -> str:
        return cls.CFN_TYPE

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr in cls.ATTRIBUTES


def cfn_parameter_values(template: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """The value of each parameter `template` declares, as given to CloudFormation (for an
    AWS::SSM::Parameter::Value<…> type the parameter name, not its value): the given one, else the
    template's Default (None: neither)."""
    return {key: given.get(key, slot.get("Default")) for key, slot in (template.get("Parameters") or {}).items()}


def cfn_changed_parameters(resource_map: Any, template: dict[str, Any], given: dict[str, Any]) -> set[str]:
    """The parameters of `template` (with the `given` values) whose value differs from the one moto's
    stack resource_map runs with: another value, or for an SSM parameter type the same name whose
    value in moto's SSM is no longer the one the stack resolved (CloudFormation fetches it again)."""
    previous = cfn_parameter_values(resource_map._template or {}, resource_map.input_parameters or {})
    changed: set[str] = set()
    for key, value in cfn_parameter_values(template, given).items():
        value_type = str(template["Parameters"][key].get("Type", "String"))
        if key not in previous or previous[key] != value:
            changed.add(key)
        elif value is not None and value_type.startswith("AWS::SSM::Parameter::"):
            try:
                latest = resource_map.parse_ssm_parameter(value, value_type)
            except Exception:  # no such parameter in moto's SSM (moto: None.value): not the value resolved before
                latest = None
            if latest != resource_map.resolved_parameters.get(key):
                changed.add(key)
    return changed
