"""One module per moto 5.2.1 gap; each exposes apply() and a docstring naming the AWS behaviour it restores."""

# The CloudFormation models the patches add, all kept here: CloudFormationModel.__subclasses__(),
# which moto's parser reads, holds its subclasses weakly.
_CFN_MODELS: list[type] = []


def register_cfn_models(*models: type) -> None:
    """Makes moto's CloudFormation parser see the models (CloudFormationModel subclasses) a patch defines."""
    from moto.cloudformation import parsing

    _CFN_MODELS.extend(models)
    for cached in (parsing.get_model_list, parsing.get_model_map, parsing.get_name_type_map):
        cached.cache_clear()
