"""CloudFormation applies an EC2 resource's own `Tags` to RouteTable, InternetGateway, NatGateway and EIP.

AWS: CloudFormation tags the resource with its `Tags` property (e.g. the
`Name` the console shows) and with the stack-level tags it propagates
(aws:cloudformation:stack-name/-id/logical-id and the stack's Tags).
DescribeRouteTables / DescribeInternetGateways / DescribeNatGateways /
DescribeAddresses show both. An EIP's tags are on its allocation.

moto 5.2.1: the CloudFormation handlers of AWS::EC2::RouteTable,
AWS::EC2::InternetGateway, AWS::EC2::NatGateway and AWS::EC2::EIP ignore the
resource's Tags (the EIP handler says "TODO: support tags"); only the stack-level
tags are applied (`ResourceMap.create`), and for an EIP those land on its
physical id, the public IP, which DescribeAddresses never reads.
(AWS::EC2::VPC, Subnet, SecurityGroup and FlowLog apply their Tags in moto;
AWS::EC2::Instance does through cfn_ec2_subnet_instance_properties.)

Patch: wraps `parsing.parse_and_create_resource`: after moto creates one of
those four types, the resolved `Tags` list is applied to the resource's own id
(as CreateTags would); for an EIP the stack-level tags are copied to the
allocation id as well. When a key is in both, moto's order stays: the stack tag
is written last. Updates and other types are unchanged.
"""
import functools
from typing import Any

TYPES = frozenset({"AWS::EC2::RouteTable", "AWS::EC2::InternetGateway", "AWS::EC2::NatGateway", "AWS::EC2::EIP"})


def _tag_map(tags: Any) -> dict[str, str]:
    if not isinstance(tags, list):
        return {}
    return {str(t["Key"]): str(t["Value"]) for t in tags if isinstance(t, dict) and "Key" in t and t.get("Value") is not None}


def apply() -> None:
    from moto.cloudformation import parsing

    original = parsing.parse_and_create_resource

    @functools.wraps(original)
    def parse_and_create_resource(logical_id, resource_json, resources_map, account_id, region_name):  # type: ignore[no-untyped-def]
        resource = original(logical_id, resource_json, resources_map, account_id, region_name)
        if resource is None or resource_json.get("Type") not in TYPES or not getattr(resource, "id", None):
            return resource
        # The template's Tags, intrinsic functions resolved as for the create itself.
        tags = (resource_json.get("Properties") or {}).get("Tags")
        resource.add_tags(_tag_map(parsing.clean_json(tags, resources_map)))
        if resource.physical_resource_id != resource.id:
            # EIP: moto tags the public IP with the stack tags; AWS tags the allocation.
            stack_tags = {k: v for k, v in resources_map.tags.items() if v is not None}
            stack_tags["aws:cloudformation:logical-id"] = logical_id
            resource.add_tags(stack_tags)
        return resource

    parsing.parse_and_create_resource = parse_and_create_resource
