"""EC2 ModifyNetworkInterfaceAttribute with Groups replaces that interface's security groups.

AWS behaviour (EC2 API reference, ModifyNetworkInterfaceAttribute: "Groups: Changes the security
groups for the network interface. The new set of groups you specify replaces the current set."):
afterwards DescribeNetworkInterfaces and DescribeInstances (NetworkInterfaces[].Groups) show
exactly the new set on that interface, the instance's other interfaces keep theirs, and for the
primary interface (device index 0) the instance's SecurityGroups are the new set too (the
instance's groups are its primary interface's: ModifyInstanceAttribute GroupSet changes them).
Each interface has its own groups: a secondary interface (device index 1 or more) attached to
an instance reports only the groups it was created or modified with.

moto 5.2.1 reports, for every attached interface, the union of its own groups and the instance's
launch groups: after the call an isolated instance still shows its old groups on every interface,
a secondary interface shows the primary's groups too, and the instance's SecurityGroups never
change. Patched: an interface modified with Groups, or a secondary one, reports its own set; the
primary's new set becomes the instance's SecurityGroups.
"""
from typing import Any


def apply() -> None:
    from moto.ec2.models.elastic_network_interfaces import NetworkInterface, NetworkInterfaceBackend

    modify = NetworkInterfaceBackend.modify_network_interface_attribute
    if getattr(modify, "_replaces_groups", False):
        return
    union = NetworkInterface.group_set

    def group_set(self: Any) -> Any:
        replaced = getattr(self, "_replaced_groups", None)
        if replaced is not None:
            return list(replaced)
        if self.instance is not None and self.device_index not in (None, 0):
            return list(self._group_set)
        return union.fget(self)  # type: ignore[attr-defined]

    def modify_network_interface_attribute(self: Any, eni_id: str, group_ids: list[str], source_dest_check: Any = None, description: Any = None) -> None:
        modify(self, eni_id, group_ids, source_dest_check, description)
        if not group_ids:
            return
        eni = self.get_network_interface(eni_id)
        eni._replaced_groups = list(eni._group_set)
        if eni.instance is not None and eni.device_index == 0:
            eni.instance.security_groups = list(eni._group_set)

    modify_network_interface_attribute._replaces_groups = True  # type: ignore[attr-defined]
    NetworkInterface.group_set = property(group_set)  # type: ignore[assignment,method-assign]
    NetworkInterfaceBackend.modify_network_interface_attribute = modify_network_interface_attribute  # type: ignore[method-assign]
