"""CloudFormation: AWS::EC2::NetworkAcl, AWS::EC2::NetworkAclEntry and
AWS::EC2::SubnetNetworkAclAssociation are created (and deleted).

AWS: AWS::EC2::NetworkAcl creates a custom ACL in VpcId with its Tags and no
entries but the implicit deny (Ref: the acl- id). AWS::EC2::NetworkAclEntry
adds a rule (RuleNumber, Protocol, RuleAction, Egress, CidrBlock, PortRange,
Icmp) to NetworkAclId. AWS::EC2::SubnetNetworkAclAssociation moves SubnetId
from its current ACL to NetworkAclId (Ref: the aclassoc- id); deleting it
returns the subnet to the VPC's default ACL; deleting the ACL deletes its
entries (tags and entries added later by API calls go with it).

moto 5.2.1 has no CloudFormation model for any of the three: the stack
reports CREATE_COMPLETE, no ACL exists, Ref is None.

Patch: registers the three models on moto's EC2 backend (create_network_acl,
create_network_acl_entry, replace_network_acl_association, and their deletes);
something already gone counts as deleted.
"""
from typing import Any

from patches import SimpleCfnModel, cfn_bool


def _ec2(account_id: str, region_name: str) -> Any:
    from moto.ec2.models import ec2_backends

    return ec2_backends[account_id][region_name]


def _move_subnet(ec2: Any, subnet_id: str, network_acl_id: str) -> str:
    """ReplaceNetworkAclAssociation for the subnet's current association; the new association id."""
    current = next(a.id for acl in ec2.network_acls.values() for a in acl.associations if a.subnet_id == subnet_id)
    return str(ec2.replace_network_acl_association(current, network_acl_id).id)


def apply() -> None:
    from moto.core.common_models import CloudFormationModel

    class CfnNetworkAcl(SimpleCfnModel, CloudFormationModel):
        """AWS::EC2::NetworkAcl; Ref is the acl- id."""

        CFN_TYPE = "AWS::EC2::NetworkAcl"
        PHYSICAL_ID = "id"
        ATTRIBUTES = {"Id": "id"}

        def __init__(self, acl_id: str):
            self.id = acl_id

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            props = cloudformation_json.get("Properties", {})
            acl = _ec2(account_id, region_name).create_network_acl(str(props["VpcId"]), tags=props.get("Tags") or [])
            return cls(acl.id)

        def delete(self, account_id: str, region_name: str) -> None:
            ec2 = _ec2(account_id, region_name)
            if self.id in ec2.network_acls:
                ec2.delete_network_acl(self.id)

    class CfnNetworkAclEntry(SimpleCfnModel, CloudFormationModel):
        """AWS::EC2::NetworkAclEntry; Ref is '<acl id>|<ingress|egress>|<rule number>'."""

        CFN_TYPE = "AWS::EC2::NetworkAclEntry"
        PHYSICAL_ID = "entry_id"

        def __init__(self, acl_id: str, rule_number: int, egress: bool):
            self.acl_id, self.rule_number, self.egress = acl_id, rule_number, egress
            self.entry_id = f"{acl_id}|{'egress' if egress else 'ingress'}|{rule_number}"

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            ports, icmp = p.get("PortRange") or {}, p.get("Icmp") or {}
            acl_id, rule, egress = str(p["NetworkAclId"]), int(p["RuleNumber"]), cfn_bool(p.get("Egress", False))
            _ec2(account_id, region_name).create_network_acl_entry(
                network_acl_id=acl_id, rule_number=rule, protocol=str(p["Protocol"]), rule_action=str(p["RuleAction"]).lower(),
                egress=egress, cidr_block=p.get("CidrBlock"), icmp_code=icmp.get("Code"), icmp_type=icmp.get("Type"),
                port_range_from=ports.get("From"), port_range_to=ports.get("To"), ipv6_cidr_block=p.get("Ipv6CidrBlock"),
            )
            return cls(acl_id, rule, egress)

        def delete(self, account_id: str, region_name: str) -> None:
            acl = _ec2(account_id, region_name).network_acls.get(self.acl_id)
            if acl is not None:
                acl.network_acl_entries[:] = [e for e in acl.network_acl_entries if not (e.egress == self.egress and e.rule_number == self.rule_number)]

    class CfnSubnetNetworkAclAssociation(SimpleCfnModel, CloudFormationModel):
        """AWS::EC2::SubnetNetworkAclAssociation; Ref is the aclassoc- id."""

        CFN_TYPE = "AWS::EC2::SubnetNetworkAclAssociation"
        PHYSICAL_ID = "association_id"
        ATTRIBUTES = {"AssociationId": "association_id"}

        def __init__(self, association_id: str, subnet_id: str):
            self.association_id, self.subnet_id = association_id, subnet_id

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
            p = cloudformation_json.get("Properties", {})
            subnet_id = str(p["SubnetId"])
            return cls(_move_subnet(_ec2(account_id, region_name), subnet_id, str(p["NetworkAclId"])), subnet_id)

        def delete(self, account_id: str, region_name: str) -> None:
            ec2 = _ec2(account_id, region_name)
            subnet = [s for s in ec2.describe_subnets() if s.id == self.subnet_id]
            if not subnet:
                return
            default = next((a for a in ec2.network_acls.values() if a.default and a.vpc_id == subnet[0].vpc_id), None)
            if default is not None:
                _move_subnet(ec2, self.subnet_id, default.id)
