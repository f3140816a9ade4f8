/**
 * The environment diagram (scripts/diagram): drawn from the synthesized template, deterministic,
 * well-formed SVG with escaped text; docs/environment.svg is the default configuration's and
 * cannot go stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { environmentModel } from '../../scripts/diagram/model';
import { escapeXml, renderSvg } from '../../scripts/diagram/render-svg';
import type { CfnTemplate } from '../../scripts/operator/template';
import { templateOf } from '../support/synthesized';

const templateJson = (context: Record<string, unknown> = {}) => templateOf(context).toJSON() as CfnTemplate;

/** Well-formed XML, as far as SVG text goes: balanced tags, quoted attributes, no raw < or & in text. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    const [, close, name, , selfClose, textPart, stray] = m;
    if (stray) problems.push(`stray < at ${m.index}`);
    else if (textPart !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(textPart)) problems.push(`raw & in ${JSON.stringify(textPart.slice(0, 40))}`);
    } else if (close) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}> at ${m.index}`);
    } else if (!selfClose) stack.push(name);
  }
  if (stack.length) problems.push(`unclosed ${stack.join(', ')}`);
  return problems;
}

test('docs/environment.svg is the diagram of the default configuration (regenerate: npm run diagram)', () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'environment.svg'), 'utf8');
  expect(renderSvg(templateJson())).toBe(committed);
});

test('default configuration: VPC, subnets by AZ, route tables to the IGW and to the NAT gateway of their AZ, instances', () => {
  const t = templateJson();
  const m = environmentModel(t);
  expect(m.vpc).toMatchObject({ name: 'VPC-10-0-0-0', cidr: '10.0.0.0/16' });
  expect(m.azs).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  expect(m.subnets.map((s) => [s.name, s.cidr, s.az, s.public])).toEqual([
    ['Public-Subnet-a-10-0-1', '10.0.1.0/24', 'us-east-1a', true],
    ['Public-Subnet-b-10-0-2', '10.0.2.0/24', 'us-east-1b', true],
    ['Public-Subnet-c-10-0-3', '10.0.3.0/24', 'us-east-1c', true],
    ['Private-Subnet-a-10-0-4', '10.0.4.0/24', 'us-east-1a', false],
    ['Private-Subnet-b-10-0-5', '10.0.5.0/24', 'us-east-1b', false],
    ['Private-Subnet-c-10-0-6', '10.0.6.0/24', 'us-east-1c', false],
  ]);
  expect(m.routeTables.map((r) => [r.name, r.target?.name, r.subnets.length])).toEqual([
    ['Private-Route-Table-a', 'NGW-Public-subnet-10-0-1', 1],
    ['Private-Route-Table-b', 'NGW-Public-subnet-10-0-2', 1],
    ['Private-Route-Table-c', 'NGW-Public-subnet-10-0-3', 1],
    ['Public-Route-Table', 'IGW-VPC-10-0-0-0', 3],
  ]);
  const subnetName = (id?: string) => m.subnets.find((s) => s.id === id)?.name;
  expect(m.nats.map((n) => [n.name, subnetName(n.subnet)])).toEqual([
    ['NGW-Public-subnet-10-0-1', 'Public-Subnet-a-10-0-1'],
    ['NGW-Public-subnet-10-0-2', 'Public-Subnet-b-10-0-2'],
    ['NGW-Public-subnet-10-0-3', 'Public-Subnet-c-10-0-3'],
  ]);
  expect(m.instances.map((i) => [i.name, subnetName(i.subnet) ?? i.outside])).toEqual([
    ['Ubuntu-instance-001-no-updates', 'Private-Subnet-a-10-0-4'],
    ['Windows-instance-001', 'Private-Subnet-a-10-0-4'],
    ['webserver-001-default-vpc', 'default VPC'],
  ]);
  const svg = renderSvg(t);
  expect(svg).toContain('data-name="Private-Route-Table-b" data-target="NGW-Public-subnet-10-0-2"');
  expect(svg).toContain('0.0.0.0/0 → NGW-Public-subnet-10-0-2');
  expect(svg).toContain('>default VPC</text>');
  expect(svg).toContain('>webserver-001-default-vpc</text>');
  expect(svg).toContain('VPC-10-0-0-0  10.0.0.0/16');
  expect(xmlProblems(svg)).toEqual([]);
  expect(renderSvg(t)).toBe(svg); // deterministic
});

test('-c natGateways=1: all three private route tables point at NGW-Public-subnet-10-0-1', () => {
  const svg = renderSvg(templateJson({ natGateways: '1' }));
  for (const az of ['a', 'b', 'c']) expect(svg).toContain(`data-name="Private-Route-Table-${az}" data-target="NGW-Public-subnet-10-0-1"`);
  expect(svg).not.toContain('NGW-Public-subnet-10-0-2');
  expect(xmlProblems(svg)).toEqual([]);
});

test('names are escaped in the SVG', () => {
  const tag = (Name: string) => ({ Tags: [{ Key: 'Name', Value: Name }] });
  const t: CfnTemplate = {
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16', ...tag('<vpc> & "co"') } },
      Sub: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.9.1.0/24', AvailabilityZone: 'x-1a', ...tag("a'b") } },
      Box: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { Ref: 'Sub' }, ...tag('<script>') } },
    },
  };
  const svg = renderSvg(t);
  expect(svg).toContain('&lt;vpc&gt; &amp; &quot;co&quot;');
  expect(svg).toContain('&lt;script&gt;');
  expect(svg).not.toContain('<script>');
  expect(xmlProblems(svg)).toEqual([]);
  expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
});
