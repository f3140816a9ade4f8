"""CloudFormation AWS::IAM::User applies LoginProfile (Password, PasswordResetRequired) and Tags.

AWS: a user with `LoginProfile` gets a console password (GetLoginProfile
answers with PasswordResetRequired as in the template, default false); the
user's `Tags` are on the user (ListUserTags, GetUser Tags). The password is
usually a `{{resolve:secretsmanager:...}}` reference, which CloudFormation
resolves first (cfn_dynamic_reference_secretsmanager does that here).

moto 5.2.1: `User.create_from_cloudformation_json` passes only the name and
Path to create_user: no login profile (GetLoginProfile: NoSuchEntity), no tags.

Patch: wraps that classmethod: after the user exists, the backend's
create_login_profile (then PasswordResetRequired is set, as moto's own
update_login_profile does) and tag_user, as the CreateLoginProfile / TagUser
APIs would. Updates stay moto's; the user's delete removes both with the user.
"""
from typing import Any

from patches import after_cfn_create, cfn_bool


def apply() -> None:
    from moto.iam.models import User, iam_backends
    from moto.utilities.utils import get_partition

    @after_cfn_create(User)
    def login_profile_and_tags(user: Any, props: dict[str, Any], account_id: str, region_name: str) -> None:
        iam = iam_backends[account_id][get_partition(region_name)]
        profile = props.get("LoginProfile")
        if isinstance(profile, dict) and profile.get("Password") is not None:
            iam.create_login_profile(user.name, str(profile["Password"]))
            user.password_reset_required = cfn_bool(profile.get("PasswordResetRequired", False))
        tags = [t for t in props.get("Tags") or [] if isinstance(t, dict) and "Key" in t]
        if tags:
            iam.tag_user(user.name, [{"Key": str(t["Key"]), "Value": str(t.get("Value", ""))} for t in tags])
