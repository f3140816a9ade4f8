"""CloudFormation DeleteStack really deletes these EC2 resources.

AWS: deleting a stack deletes every resource in it. For the EC2 types below
that means: the NAT gateway goes to state `deleted` and releases its network
interface and Elastic IP association; the EIP is released; the flow log, the
route, the route table, the internet gateway are deleted; the gateway is
detached from the VPC; the subnet's route-table association is removed. The
VPC can then be deleted. A resource that is already gone counts as deleted,
as CloudFormation does.

moto 5.2.1: these model classes have no delete (no `delete()` method, no
`delete_from_cloudformation_json`), so `ResourceMap._delete_resource` silently
does nothing for them: the NAT gateway stays `available`, the EIP stays
allocated, the route table stays, and DeleteStack then fails with
"The vpc ... has dependencies and cannot be deleted."

Patch: wraps `ResourceMap._delete_resource` only; for the types below it calls
the matching EC2 backend delete on the parsed resource; other types go to
moto's code unchanged. A DependencyViolation is raised as before, so moto's
delete loop retries it after the dependents are gone.
"""
import functools
from typing import Any, Callable


def _ec2(account_id: str, region_name: str) -> Any:
    from moto.ec2.models import ec2_backends

    return ec2_backends[account_id][region_name]


def _delete_nat_gateway(res: Any, ec2: Any) -> None:
    nat = ec2.nat_gateways.get(res.id)
    if nat is None or nat.state == "deleted":
        return
    eni = getattr(nat, "_eni", None)
    if eni is not None:
        for eip in list(ec2.addresses):
            if eip.eni is eni:
                ec2.disassociate_address(address=eip.public_ip)
        if eni.id in ec2.enis:
            ec2.delete_network_interface(eni.id)
    ec2.delete_nat_gateway(nat.id)  # moto (like AWS) keeps it listed as 'deleted'


def _delete_eip(res: Any, ec2: Any) -> None:
    if res in ec2.addresses:
        ec2.release_address(address=res.public_ip)


def _delete_flow_log(res: Any, ec2: Any) -> None:
    if res.id in ec2.flow_logs:
        ec2.delete_flow_logs([res.id])


def _delete_route_table(res: Any, ec2: Any) -> None:
    if res.id in ec2.route_tables:
        ec2.delete_route_table(res.id)


def _delete_route(res: Any, ec2: Any) -> None:
    table = ec2.route_tables.get(res.route_table.id)
    if table is not None and res.id in table._routes:
        table._routes.pop(res.id)


def _delete_internet_gateway(res: Any, ec2: Any) -> None:
    if res.id in ec2.internet_gateways:
        ec2.delete_internet_gateway(res.id)


def _delete_gateway_attachment(res: Any, ec2: Any) -> None:
    if res.gateway_id:  # internet gateway attachment
        igw = ec2.internet_gateways.get(res.gateway_id)
        if igw is not None and igw.vpc is not None and igw.vpc.id == res.vpc_id:
            ec2.detach_internet_gateway(res.gateway_id, res.vpc_id)
        return
    for vgw in getattr(ec2, "vpn_gateways", {}).values():  # VPN gateway attachment
        if vgw.attachments.get(res.vpc_id) is res:
            ec2.detach_vpn_gateway(vgw.id, res.vpc_id)


def _delete_subnet_association(res: Any, ec2: Any) -> None:
    association_id = getattr(res, "association_id", None)
    for table in ec2.route_tables.values():
        for assoc_id, target in list(table._associations.items()):
            if assoc_id == association_id or (
                association_id is None
                and table.id == res.route_table_id
                and target == res.subnet_id
            ):
                ec2.disassociate_route_table(assoc_id)
    ec2.subnet_associations.pop(f"{res.route_table_id}:{res.subnet_id}", None)


DELETERS: dict[str, Callable[[Any, Any], None]] = {
    "AWS::EC2::NatGateway": _delete_nat_gateway,
    "AWS::EC2::EIP": _delete_eip,
    "AWS::EC2::FlowLog": _delete_flow_log,
    "AWS::EC2::RouteTable": _delete_route_table,
    "AWS::EC2::Route": _delete_route,
    "AWS::EC2::InternetGateway": _delete_internet_gateway,
    "AWS::EC2::VPCGatewayAttachment": _delete_gateway_attachment,
    "AWS::EC2::SubnetRouteTableAssociation": _delete_subnet_association,
}


def apply() -> None:
    from moto.cloudformation.parsing import ResourceMap

    original = ResourceMap._delete_resource

    @functools.wraps(original)
    def _delete_resource(self, parsed_resource, resource_json):  # type: ignore[no-untyped-def]
        deleter = DELETERS.get(resource_json.get("Type", ""))
        if deleter is None:
            return original(self, parsed_resource, resource_json)
        deleter(parsed_resource, _ec2(self._account_id, self._region_name))

    ResourceMap._delete_resource = _delete_resource
