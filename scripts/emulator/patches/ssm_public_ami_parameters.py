"""AWS public SSM parameters for Ubuntu and Windows AMIs exist in every region.

AWS publishes, in every region, public parameters that hold the current AMI id:
e.g. `/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id`
and `/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-Base`.
GetParameter returns them, and CloudFormation resolves parameters of type
`AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>` whose default names them.

moto 5.2.1 ships only `/aws/service/ami-amazon-linux-latest/*` (plus ECS and
global-infrastructure trees); the Canonical and Windows names raise
ParameterNotFound, so CreateStack fails while loading parameters.

Patch: wraps `ParameterDict._check_loading_status`: the first time a key
under these names (or a parent path of them) is looked up in a region, the
parameters below are added, read-only like AWS's, with data type
`aws:ec2:image` and, as value, an AMI that moto's EC2 in that region has
with a matching platform (newest Ubuntu amd64 server image; a Windows Server
"English-Full-Base" image). The Amazon Linux parameters stay moto's own.
"""
import functools
import re
from typing import Any

CANONICAL = "/aws/service/canonical/ubuntu/server"
WINDOWS = "/aws/service/ami-windows-latest"

# parameter name -> (regex on the image name, required platform or None)
PARAMETERS: dict[str, tuple[str, str | None]] = {
    f"{CANONICAL}/{release}/stable/current/amd64/hvm/{disk}/ami-id": (r"^ubuntu/images/.*amd64-server", None)
    for release in ("24.04", "22.04", "20.04")
    for disk in ("ebs-gp3", "ebs-gp2")
}
PARAMETERS.update(
    {
        f"{WINDOWS}/Windows_Server-{year}-English-Full-Base": (r"^Windows_Server-.*English-Full-Base", "windows")
        for year in ("2025", "2022", "2019", "2016")
    }
)


def _pick_image(account_id: str, region_name: str, pattern: str, platform: str | None) -> str | None:
    from moto.ec2.models import ec2_backends

    images = [
        img
        for img in ec2_backends[account_id][region_name].amis.values()
        if re.search(pattern, img.name or "") and (platform is None or img.platform == platform)
    ]
    if not images:
        return None
    return sorted(images, key=lambda img: img.name)[-1].id


def _covers(key: str) -> bool:
    key = str(key or "").rstrip("/")
    for prefix in (CANONICAL, WINDOWS):
        if key.startswith(prefix) or (key and prefix.startswith(key + "/")):
            return True
    return False


def apply() -> None:
    from moto.core.utils import utcnow
    from moto.ssm.models import Parameter, ParameterDict

    original = ParameterDict._check_loading_status

    @functools.wraps(original)
    def _check_loading_status(self: Any, key: str) -> None:
        original(self, key)
        if getattr(self, "_public_ami_parameters_loaded", False) or not _covers(key):
            return
        self._public_ami_parameters_loaded = True
        for name, (pattern, platform) in PARAMETERS.items():
            image_id = _pick_image(self.account_id, self.region_name, pattern, platform)
            if image_id is None or dict.__contains__(self, name):
                continue
            super(ParameterDict, self).__getitem__(name).append(
                Parameter(
                    account_id=self.account_id,
                    name=name,
                    value=image_id,
                    parameter_type="String",
                    description=None,
                    allowed_pattern=None,
                    keyid=None,
                    last_modified_date=utcnow(),
                    version=1,
                    data_type="aws:ec2:image",
                )
            )

    ParameterDict._check_loading_status = _check_loading_status
