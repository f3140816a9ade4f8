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
import functools

from patches import cfn_bool


def apply() -> None:
    from moto.ec2.models.vpcs import VPC

    original = VPC.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    @functools.wraps(original)
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def]
        vpc = original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
        props = cloudformation_json.get("Properties", {})
        for prop, attr in (("EnableDnsSupport", "enable_dns_support"), ("EnableDnsHostnames", "enable_dns_hostnames")):
            if props.get(prop) is not None:
                vpc.ec2_backend.modify_vpc_attribute(vpc.id, attr, cfn_bool(props[prop]))
        return vpc

    VPC.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)  # type: ignore[method-assign]
