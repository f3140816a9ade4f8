/**
 * Handout pages (scripts/fleet/handout-page.ts) from literal stack outputs: what each page says,
 * in Markdown and HTML, every value escaped in the HTML; and `fleet handouts` without --out.
 */
import { handoutHtml, handoutMarkdown, HandoutInput } from '../../scripts/fleet/handout-page';
import { runFleet } from '../../scripts/fleet/run';

const outputs = {
  ReadOnlyUserName: 'alice-RO',
  ReadOnlyUserSignInUrl: 'https://111111111111.signin.aws.amazon.com/console',
  ReadOnlyUserPassword: 'aws secretsmanager get-secret-value --secret-id alice-RO-initial-password --query SecretString --output text',
  CrossAccountRoleArn: 'arn:aws:iam::111111111111:role/alice-CROSS-ACCOUNT-ROLE',
  SwitchRoleUrl: 'https://signin.aws.amazon.com/switchrole?roleName=alice-CROSS-ACCOUNT-ROLE&account=111111111111&displayName=alice-CROSS-ACCOUNT-ROLE',
  WebserverUrl: 'http://ec2-3-1-2-3.compute-1.amazonaws.com',
  WebserverSession: 'aws ssm start-session --target i-0aaa --region us-east-1',
  UbuntuSession: 'aws ssm start-session --target i-0bbb --region us-east-1',
  WindowsSession: 'aws ssm start-session --target i-0ccc --region us-east-1',
  WazuhOssecConfig: '<wodle name="aws-s3">\n  <bucket type="vpcflow">\n    <name>flow-logs-111111111111</name>\n  </bucket>\n</wodle>',
  WazuhPolicyArn: 'arn:aws:iam::111111111111:policy/wazuh-read',
};
const input: HandoutInput = {
  participant: 'alice', accountId: '111111111111', region: 'us-east-1', outputs,
  svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>VPC-10-0-0-0</text></svg>', svgFile: 'alice.svg',
};

test('Markdown: sign-in URL, read-only user and its first password, switch role, webserver, SSM sessions, Wazuh, diagram', () => {
  const md = handoutMarkdown(input);
  expect(md).toContain('# Workshop handout: alice');
  expect(md).toContain('- Console sign-in: <https://111111111111.signin.aws.amazon.com/console>');
  expect(md).toContain('- User name: `alice-RO`');
  expect(md).toContain('```sh\naws secretsmanager get-secret-value --secret-id alice-RO-initial-password --query SecretString --output text\n```');
  expect(md).toContain(`- Switch-role link: <${outputs.SwitchRoleUrl}>`);
  expect(md).toContain('- Web page: <http://ec2-3-1-2-3.compute-1.amazonaws.com>');
  for (const id of ['i-0aaa', 'i-0bbb', 'i-0ccc']) expect(md).toContain(`aws ssm start-session --target ${id} --region us-east-1`);
  expect(md).toContain('```xml\n<wodle name="aws-s3">');
  expect(md).toContain('![The environment in your account](alice.svg)');
  expect(md).not.toContain('Reader role');
});

test('HTML: every value escaped, links only for http(s), the SVG inlined', () => {
  const html = handoutHtml(input);
  expect(html).toContain('<title>Workshop handout: alice</title>');
  expect(html).toContain('<a href="https://111111111111.signin.aws.amazon.com/console">');
  expect(html).toContain('<code>alice-RO</code>');
  expect(html).toContain('roleName=alice-CROSS-ACCOUNT-ROLE&amp;account=111111111111&amp;displayName');
  expect(html).toContain('&lt;wodle name=&quot;aws-s3&quot;&gt;');
  expect(html).not.toContain('<wodle');
  expect(html).toContain('<div class="diagram"><svg xmlns="http://www.w3.org/2000/svg"><text>VPC-10-0-0-0</text></svg></div>');
});

test('hostile values stay text; a missing output says so; the sign-in URL falls back to the account id', () => {
  const evil = handoutHtml({
    participant: 'bob', accountId: '222222222222', region: 'us-east-1',
    outputs: { ReadOnlyUserName: '<script>alert(1)</script>', WebserverUrl: 'javascript:alert(1)', WazuhRoleArn: 'arn:"x"&y' },
  });
  expect(evil).not.toContain('<script>');
  expect(evil).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>');
  expect(evil).not.toContain('href="javascript');
  expect(evil).toContain('<code>javascript:alert(1)</code>');
  expect(evil).toContain('<code>arn:&quot;x&quot;&amp;y</code>');
  expect(evil).toContain('<a href="https://222222222222.signin.aws.amazon.com/console">');
  expect(evil).toContain('Switch-role link: (not in the stack outputs)');
  const md = handoutMarkdown({ participant: 'bob', accountId: '222222222222', region: 'us-east-1', outputs: { ReadOnlyUserName: 'a`b' } });
  expect(md).toContain('- User name: ``a`b``');
  expect(md).toContain('(no diagram)');
});

test('fleet handouts without --out is a usage error (exit 2)', async () => {
  const lines: string[] = [];
  expect(await runFleet(['handouts', '--roster', 'room.csv'], { log: (l) => lines.push(l) })).toBe(2);
  expect(lines.join('\n')).toContain('--out DIR is required');
});
