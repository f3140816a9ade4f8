"""CloudFormation AWS::EC2::Subnet and AWS::EC2::Instance keep the properties AWS applies.

AWS:
- Subnet: `MapPublicIpOnLaunch` is what the template says (false when
  omitted: only a default VPC's default subnets map public IPs).
- Instance: `SecurityGroupIds`, `SecurityGroups` (names, or ids),
  `NetworkInterfaces[]` (SubnetId, GroupSet, AssociatePublicIpAddress,
  PrivateIpAddress, DeleteOnTermination, Description, DeviceIndex),
  `MetadataOptions`, `IamInstanceProfile`, `AvailabilityZone`, `Monitoring`,
  `EbsOptimized`, `DisableApiTermination`, `InstanceInitiatedShutdownBehavior`
  show in DescribeInstances; an instance in a subnet with MapPublicIpOnLaunch
  gets a public IP unless its interface says otherwise.

moto 5.2.1:
- Subnet.create_from_cloudformation_json ignores MapPublicIpOnLaunch; the
  backend sets it to true for the first subnet of an AZ (any VPC), false otherwise.
- Instance.create_from_cloudformation_json ignores SecurityGroupIds,
  NetworkInterfaces, MetadataOptions and the rest above (the instance lands in
  the VPC's default security group), treats `SecurityGroups` as ids only, and
  never maps a public IP from the subnet.

Patch: wraps Subnet's classmethod (sets the attribute after moto's create) and
replaces Instance's classmethod with one that passes those properties to the
EC2 backend's run_instances exactly as the RunInstances API handler does.
Update and delete stay moto's.
"""
from typing import Any

from patches import after_cfn_create, cfn_bool


def apply() -> None:
    from moto.ec2.models import ec2_backends
    from moto.ec2.models.instances import Instance
    from moto.ec2.models.subnets import Subnet
    from moto.ec2.utils import parse_user_data

    @after_cfn_create(Subnet)
    def subnet_create(subnet: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        subnet.map_public_ip_on_launch = cfn_bool(props.get("MapPublicIpOnLaunch", False))
        if "AssignIpv6AddressOnCreation" in props:
            subnet.assign_ipv6_address_on_creation = cfn_bool(props["AssignIpv6AddressOnCreation"])

    def instance_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def]
        props = cloudformation_json["Properties"]
        ec2 = ec2_backends[account_id][region_name]

        group_names: list[str] = []
        group_ids: list[str] = list(props.get("SecurityGroupIds", []) or [])
        for group in props.get("SecurityGroups", []) or []:
            if str(group).startswith("sg-") and ec2.get_security_group_from_id(group):
                group_ids.append(group)
            else:
                group_names.append(group)

        nics = []
        for nic in props.get("NetworkInterfaces", []) or []:
            spec: dict[str, Any] = {"DeviceIndex": nic.get("DeviceIndex", 0)}
            for key in ("SubnetId", "PrivateIpAddress", "Description", "NetworkInterfaceId"):
                if nic.get(key) is not None:
                    spec[key] = nic[key]
            if nic.get("AssociatePublicIpAddress") is not None:
                spec["AssociatePublicIpAddress"] = cfn_bool(nic["AssociatePublicIpAddress"])
            if nic.get("DeleteOnTermination") is not None:
                spec["DeleteOnTermination"] = cfn_bool(nic["DeleteOnTermination"])
            if nic.get("GroupSet"):
                spec["Groups"] = list(nic["GroupSet"])
            nics.append(spec)

        run_kwargs: dict[str, Any] = {
            "instance_type": props.get("InstanceType", "m1.small"),
            "is_instance_type_default": not props.get("InstanceType"),
            "region_name": region_name,
            "subnet_id": props.get("SubnetId"),
            "key_name": props.get("KeyName"),
            "private_ip": props.get("PrivateIpAddress"),
            "security_group_ids": group_ids,
            "nics": nics,
            # None: the subnet's MapPublicIpOnLaunch decides, as on AWS.
            "associate_public_ip": None,
            "metadata_options": props.get("MetadataOptions", {}) or {},
            "ebs_optimized": cfn_bool(props.get("EbsOptimized", False)),
            "disable_api_termination": cfn_bool(props.get("DisableApiTermination", False)),
            "instance_initiated_shutdown_behavior": props.get("InstanceInitiatedShutdownBehavior"),
            "monitoring_state": "enabled" if cfn_bool(props.get("Monitoring", False)) else "disabled",
        }
        if props.get("AvailabilityZone"):
            run_kwargs["placement"] = props["AvailabilityZone"]
        if props.get("BlockDeviceMappings"):
            run_kwargs["block_device_mappings"] = props["BlockDeviceMappings"]

        try:  # Fn::Base64 output, as RunInstances receives it
            user_data = parse_user_data(props.get("UserData"))
        except Exception:
            user_data = props.get("UserData")
        reservation = ec2.run_instances(
            props["ImageId"],
            1,
            user_data,
            group_names,
            **run_kwargs,
        )
        instance = reservation.instances[0]
        primary = next((n for n in nics if int(n["DeviceIndex"]) == 0), None)
        if not instance.security_groups and primary and primary.get("Groups"):
            # AWS reports the primary interface's groups as the instance's groups.
            instance.security_groups = [ec2.get_security_group_from_id(g) for g in primary["Groups"]]
        for tag in props.get("Tags", []) or []:
            instance.add_tag(tag["Key"], tag["Value"])
        if props.get("IamInstanceProfile"):
            ec2.associate_iam_instance_profile(
                instance_id=instance.id,
                iam_instance_profile_name=props["IamInstanceProfile"],
            )
        return instance

    Instance.create_from_cloudformation_json = classmethod(instance_create)  # type: ignore[method-assign]
