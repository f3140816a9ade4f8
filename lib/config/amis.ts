/** The workshop's AMIs: AWS's public SSM parameters (never hard-coded ids): compute's instances launch from the ids the pinned-images resource read once per imageSet; the day-2 web tier's launch template resolves them at deploy; preflight checks them. */
export const AMI_PARAMETERS = {
  // Amazon Linux 2023: the workshop's Amazon Linux 2 reached end of support on 2026-06-30.
  amazonLinux2023: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  // Current Ubuntu LTS (24.04), published by Canonical.
  ubuntuLts: '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
  // Current Windows Server base image.
  windowsServer: '/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-Base',
} as const;
