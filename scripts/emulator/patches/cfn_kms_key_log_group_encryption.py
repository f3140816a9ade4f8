"""CloudFormation: AWS::KMS::Key is created with its Tags, keeps its KeyPolicy as a policy document
and PendingWindowInDays, and is scheduled for deletion with the stack; AWS::Logs::LogGroup applies KmsKeyId.

AWS: a stack update that changes the key's KeyPolicy, Description, EnableKeyRotation,
PendingWindowInDays or Tags updates the same key in place (no interruption); deleting a stack schedules its AWS::KMS::Key for deletion after PendingWindowInDays (7-30,
default 30): DescribeKey then answers KeyState PendingDeletion with a DeletionDate, and the key
can be cancelled until then. A log group's KmsKeyId is the key CloudWatch Logs encrypts it with:
DescribeLogGroups answers it as kmsKeyId.

moto 5.2.1: the key's CloudFormation model hands the template's Tags (Key/Value) to a tagger that
reads TagKey/TagValue: a tagged key fails CreateStack with KeyError 'TagKey' (HTTP 500). It stores KeyPolicy (a JSON object in the template) as a
Python dict, so DescribeKey and GetKeyPolicy fail with HTTP 500 (its key-policy check json-loads
it); it ignores PendingWindowInDays and its delete removes the
key at once (DescribeKey: NotFoundException). The log group's model passes the template's
properties as they are to the backend, which reads `kmsKeyId` (the API's spelling), so KmsKeyId
is dropped: DescribeLogGroups shows no kmsKeyId. The key has no update model: an update that
changes the key (day 2's key policy grants one more service) leaves the stack with no record of it,
so the stack's delete never schedules its deletion and an enabled key is left behind.

Patch: the key's model converts the tags to the KMS API's TagKey/TagValue, keeps the policy as the JSON text the API stores, remembers PendingWindowInDays and its delete schedules deletion (moto's own
ScheduleKeyDeletion); an update puts the new policy, description, rotation, window and tags on the same
key; the log group's create sets the key as the API would.
"""
import json
from typing import Any

from patches import after_cfn_create


def apply() -> None:
    from moto.kms.models import Key, kms_backends
    from moto.logs.models import LogGroup

    original = Key.create_from_cloudformation_json.__func__

    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def]
        props = dict(cloudformation_json.get("Properties") or {})
        props["Tags"] = [{"TagKey": t["Key"], "TagValue": t["Value"]} for t in props.get("Tags") or []]
        return original(cls, resource_name, {**cloudformation_json, "Properties": props}, account_id, region_name, **kwargs)

    Key.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)

    @after_cfn_create(Key)
    def key_pending_window(key: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        if isinstance(key.policy, dict):
            key.policy = json.dumps(key.policy)
        key.cfn_pending_window_in_days = int(props.get("PendingWindowInDays", 30))

    def delete(self: Any, account_id: str, region_name: str) -> None:
        backend = kms_backends[account_id][region_name]
        if self.id in backend.keys:
            backend.schedule_key_deletion(self.id, getattr(self, "cfn_pending_window_in_days", 30))

    Key.delete = delete

    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):  # type: ignore[no-untyped-def]
        key, props = original_resource, cloudformation_json.get("Properties") or {}
        backend = kms_backends[account_id][region_name]
        if "KeyPolicy" in props:
            policy = props["KeyPolicy"]
            key.policy = policy if isinstance(policy, str) else json.dumps(policy)
        key.description = str(props.get("Description") or "")
        key.key_rotation_status = str(props.get("EnableKeyRotation", False)).lower() == "true"
        key.cfn_pending_window_in_days = int(props.get("PendingWindowInDays", 30))
        if props.get("Tags"):
            backend.tag_resource(key.id, [{"TagKey": t["Key"], "TagValue": t["Value"]} for t in props["Tags"]])
        return key

    Key.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)

    @after_cfn_create(LogGroup)
    def log_group_key(group: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        if props.get("KmsKeyId"):
            group.kms_key_id = str(props["KmsKeyId"])
