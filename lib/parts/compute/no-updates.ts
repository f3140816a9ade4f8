/**
 * The user data of Ubuntu-instance-001-no-updates: a cloud-config document that keeps the image's
 * packages as they are, so that Inspector finds the image's CVEs.
 *
 * Ubuntu updates itself: apt-daily.timer refreshes the package lists and apt-daily-upgrade.timer
 * runs unattended-upgrades, both Persistent, so a run missed since the image was built fires as
 * soon as timers.target starts at first boot. A user-data script runs later (cloud-final), and
 * `systemctl disable --now` does not stop an upgrade already running. So:
 * - bootcmd runs in cloud-init's init stage (cloud-init.service, ordered before sysinit.target
 *   and so before timers.target): it writes APT::Periodic settings that make apt.systemd.daily
 *   (what both timers run) do nothing, whenever a timer fires, and masks and stops the timers and
 *   services before they start;
 * - package_update / package_upgrade false: cloud-init itself neither refreshes nor upgrades.
 */
export const NO_UPDATES_APT_CONF = '/etc/apt/apt.conf.d/99-workshop-no-updates';

export const NO_UPDATES_CLOUD_CONFIG = [
  '#cloud-config',
  'package_update: false',
  'package_upgrade: false',
  'package_reboot_if_required: false',
  'bootcmd:',
  `  - printf 'APT::Periodic::Enable "0";\\nAPT::Periodic::Update-Package-Lists "0";\\nAPT::Periodic::Unattended-Upgrade "0";\\n' > ${NO_UPDATES_APT_CONF}`,
  '  - systemctl mask apt-daily.timer apt-daily-upgrade.timer apt-daily.service apt-daily-upgrade.service unattended-upgrades.service',
  '  - systemctl stop --no-block apt-daily.timer apt-daily-upgrade.timer apt-daily.service apt-daily-upgrade.service unattended-upgrades.service',
  '',
].join('\n');
