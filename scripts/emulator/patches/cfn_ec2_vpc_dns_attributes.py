"""CloudFormation AWS::EC2::VPC honours EnableDnsSupport and EnableDnsHostnames.

AWS: the VPC gets the template's `EnableDnsSupport` (default true) and
`EnableDnsHostnames` (default false); DescribeVpcAttribute answers them.

moto 5.2.1: `VPC.create_from_cloudformation_json` passes only CidrBlock and
InstanceTenancy (and Tags): the VPC keeps the backend defaults (DNS support
true, DNS hostnames false), so `EnableDnsHostnames: true` is lost.

Patch: wraps that classmethod: after moto's create, a property present in
the template is set as ModifyVpcAttribute would set it. Absent properties keep
moto's defaults, which are AWS's. Update and delete stay moto's.
"""
from typing import Any

from patches import after_cfn_create, cfn_bool


def apply() -> None:
    from moto.ec2.models.vpcs import VPC

    @after_cfn_create(VPC)
    def dns_attributes(vpc: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        for prop, attr in (("EnableDnsSupport", "enable_dns_support"), ("EnableDnsHostnames", "enable_dns_hostnames")):
            if props.get(prop) is not None:
                vpc.ec2_backend.modify_vpc_attribute(vpc.id, attr, cfn_bool(props[prop]))
