/**
 * httpd and a page titled `title` showing the instance id and AZ, read through IMDSv2 (tokens are
 * required): day 1's webserver, and day 2's web tier, where reloading shows the load balancer
 * spreading requests over the instances and zones.
 */
export function landingPageCommands(title: string): string[] {
  return [
    'set -euo pipefail',
    'dnf install -y httpd',
    'TOKEN=$(curl -sS -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 300")',
    'md() { curl -sS -H "X-aws-ec2-metadata-token: $TOKEN" "http://169.254.169.254/latest/meta-data/$1"; }',
    'INSTANCE_ID=$(md instance-id)',
    'AZ=$(md placement/availability-zone)',
    'cat > /var/www/html/index.html <<HTML',
    `<!doctype html><html><head><title>${title}</title></head><body>`,
    '<h1>AWS Security logging, monitoring and incident response</h1>',
    '<p>Instance <b>${INSTANCE_ID}</b> in <b>${AZ}</b></p>',
    '</body></html>',
    'HTML',
    'systemctl enable --now httpd',
  ];
}
