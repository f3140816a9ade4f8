"""AWS::EC2::SubnetRouteTableAssociation registers the association on its route table.

AWS: after CloudFormation creates the association, DescribeRouteTables lists
it under the route table's Associations (SubnetId, RouteTableAssociationId),
the subnet uses that table, and Ref returns the association id (rtbassoc-...).

moto 5.2.1: `SubnetRouteTableAssociation.create_from_cloudformation_json` only
records an object in `ec2_backend.subnet_associations`; the route table's
associations stay empty, and Ref returns the route table id.

Patch: wraps that one classmethod: after moto's own create it calls the EC2
backend's AssociateRouteTable (as the AWS API would) and keeps the association
id; `physical_resource_id` returns that id (moto's value if there is none).
"""
from typing import Any

from patches import after_cfn_create


def apply() -> None:
    from moto.ec2.models import ec2_backends
    from moto.ec2.models.subnets import SubnetRouteTableAssociation

    @after_cfn_create(SubnetRouteTableAssociation)
    def associate(association: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        ec2 = ec2_backends[account_id][region_name]
        association.association_id = ec2.associate_route_table(
            route_table_id=association.route_table_id, subnet_id=association.subnet_id
        )

    def physical_resource_id(self: Any) -> str:
        return getattr(self, "association_id", None) or self.route_table_id

    SubnetRouteTableAssociation.physical_resource_id = property(physical_resource_id)  # type: ignore[method-assign,assignment]
