/**
 * The environment of a synthesized template as SVG: the VPC box (Name tag, CIDR), one column per
 * AZ with its public and private subnets, the public route table spanning the public subnets with
 * an arrow to the internet gateway, each private route table with an arrow to its NAT gateway, the
 * NAT gateways in their public subnets, the instances in their subnets, and instances outside the
 * VPC (the webserver in the default VPC) in a box of their own. Pure and deterministic.
 */
import type { CfnTemplate } from '../operator/template';
import { environmentModel, EnvironmentModel, InstanceNode, RouteTableNode, SubnetNode } from './model';

/** Text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const M = 20; // margin
const COL = 290; // column width: the longest labels (0.0.0.0/0 → NGW-Public-subnet-10-0-1, Ubuntu-instance-001-no-updates) fit
const GAP = 20;
const BOX = 28; // NAT gateway / instance box height
const FONT = 'font-family="Helvetica, Arial, sans-serif"';
const COLORS = { vpc: '#f5f9ff', public: '#e8f6e8', private: '#eaf0fb', rt: '#fff7e0', nat: '#ffe9d6', instance: '#ffffff', igw: '#f0e6ff', outside: '#f4f4f4' };

interface Box { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

const num = (n: number) => String(Math.round(n * 10) / 10);

function rect(b: Box, fill: string, extra = ''): string {
  return `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="6" fill="${fill}" stroke="#445" stroke-width="1"${extra}/>`;
}

function text(x: number, y: number, s: string, opts: { size?: number; bold?: boolean; anchor?: 'start' | 'middle' } = {}): string {
  return `<text x="${num(x)}" y="${num(y)}" font-size="${opts.size ?? 12}"${opts.bold ? ' font-weight="bold"' : ''} text-anchor="${opts.anchor ?? 'start'}">${escapeXml(s)}</text>`;
}

function arrow(x1: number, y1: number, x2: number, y2: number, cls: string): string {
  return `<line class="${cls}" x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="#c0392b" stroke-width="1.5" marker-end="url(#arrow)"/>`;
}

const named = (kind: string, name: string, extra = '') => `<g class="${kind}" data-name="${escapeXml(name)}"${extra}>`;

function labelledBox(kind: string, b: Box, fill: string, lines: string[]): string {
  return [named(kind, lines[0]), rect(b, fill), ...lines.map((l, i) => text(b.x + 8, b.y + 18 + i * 15, l, { bold: i === 0 }))].join('') + '</g>';
}

/** The model drawn as SVG (see environmentModel). */
export function renderModelSvg(m: EnvironmentModel): string {
  const out: string[] = [];
  const colX = (i: number) => M + GAP + i * (COL + GAP);
  const azIndex = (az: string) => m.azs.indexOf(az);
  const vpcW = Math.max(1, m.azs.length) * (COL + GAP) + GAP;
  const natsIn = (s: SubnetNode) => m.nats.filter((n) => n.subnet === s.id);
  const instancesIn = (s: SubnetNode) => m.instances.filter((i) => i.subnet === s.id);
  const subnetHeight = (s: SubnetNode) => 46 + (natsIn(s).length + instancesIn(s).length) * (BOX + 6);
  const column = (pub: boolean, az: string) => m.subnets.filter((s) => s.public === pub && s.az === az);
  const rowHeight = (pub: boolean) => Math.max(60, ...m.azs.map((az) => column(pub, az).reduce((h, s) => h + subnetHeight(s) + 8, -8)));
  const isPublicTable = (t: RouteTableNode) => t.subnets.length > 0 && t.subnets.every((id) => m.subnets.find((s) => s.id === id)?.public);
  const publicTables = m.routeTables.filter(isPublicTable);
  const privateTables = m.routeTables.filter((t) => t.subnets.length > 0 && !isPublicTable(t));
  const tablesOfColumn = (az: string) => privateTables.filter((t) => m.subnets.find((s) => s.id === t.subnets[0])?.az === az);

  const igwBox: Box = { x: M + vpcW / 2 - 110, y: 44, w: 220, h: 32 };
  const vpcTop = igwBox.y + igwBox.h + 40;
  const pubRtY = vpcTop + 58;
  const pubRtH = 40;
  const pubY = pubRtY + publicTables.length * (pubRtH + 8) + 12;
  const pubH = rowHeight(true);
  const rtH = 40;
  const privRtY = pubY + pubH + 20;
  const privRtRows = Math.max(1, ...m.azs.map((az) => tablesOfColumn(az).length));
  const privY = privRtY + privRtRows * (rtH + 8) + 12;
  const privH = rowHeight(false);
  const vpcH = privY + privH + GAP - vpcTop;

  const places = new Map<string, Box>();
  const outsideGroups = [...new Set(m.instances.filter((i) => !i.subnet).map((i) => i.outside ?? 'outside the VPC'))].sort();
  const outsideX = M + vpcW + 40;
  const width = outsideGroups.length ? outsideX + COL + M : M + vpcW + M;

  out.push(text(M, 24, `Workshop environment: ${m.vpc.name} (from the synthesized template)`, { size: 14, bold: true }));
  if (m.igw) out.push(labelledBox('internet-gateway', igwBox, COLORS.igw, [m.igw.name]));
  out.push(named('vpc', m.vpc.name) + rect({ x: M, y: vpcTop, w: vpcW, h: vpcH }, COLORS.vpc) + text(M + 10, vpcTop + 20, `${m.vpc.name}  ${m.vpc.cidr}`, { size: 14, bold: true }) + '</g>');
  m.azs.forEach((az, i) => out.push(text(colX(i) + COL / 2, vpcTop + 44, az, { bold: true, anchor: 'middle' })));

  const drawSubnets = (pub: boolean, top: number) => {
    for (const az of m.azs) {
      let y = top;
      for (const s of column(pub, az)) {
        const b: Box = { x: colX(azIndex(az)), y, w: COL, h: subnetHeight(s) };
        places.set(s.id, b);
        out.push(named(pub ? 'public-subnet' : 'private-subnet', s.name) + rect(b, pub ? COLORS.public : COLORS.private) +
          text(b.x + 8, b.y + 18, s.name, { bold: true }) + text(b.x + 8, b.y + 34, `${s.cidr}  ${pub ? 'public' : 'private'}`) + '</g>');
        let iy = b.y + 44;
        for (const n of natsIn(s)) {
          const nb: Box = { x: b.x + 12, y: iy, w: COL - 24, h: BOX };
          places.set(n.id, nb);
          out.push(labelledBox('nat-gateway', nb, COLORS.nat, [n.name]));
          iy += BOX + 6;
        }
        for (const inst of instancesIn(s)) {
          out.push(labelledBox('instance', { x: b.x + 12, y: iy, w: COL - 24, h: BOX }, COLORS.instance, [inst.name]));
          iy += BOX + 6;
        }
        y += b.h + 8;
      }
    }
  };
  drawSubnets(true, pubY);
  drawSubnets(false, privY);

  const targetText = (t: RouteTableNode) => (t.target ? `0.0.0.0/0 → ${t.target.name}` : 'no default route');
  const routeTable = (t: RouteTableNode, b: Box) =>
    [named('route-table', t.name, ` data-target="${escapeXml(t.target?.name ?? '')}"`), rect(b, COLORS.rt),
      text(b.x + 8, b.y + 16, t.name, { bold: true }), text(b.x + 8, b.y + 32, targetText(t)), '</g>'].join('');
  const arrowTo = (t: RouteTableNode, b: Box) => {
    const dest = t.target?.kind === 'igw' ? (m.igw ? igwBox : undefined) : t.target ? places.get(t.target.id) : undefined;
    if (!dest) return;
    const fromX = b.x + b.w / 2;
    const toX = dest.x + dest.w / 2;
    const toY = dest.y < b.y ? dest.y + dest.h : dest.y;
    out.push(arrow(fromX, b.y, toX, toY, `route ${t.target!.kind}`));
  };
  publicTables.forEach((t, k) => {
    const cols = t.subnets.map((id) => places.get(id)!).filter(Boolean);
    const x1 = Math.min(...cols.map((c) => c.x));
    const x2 = Math.max(...cols.map((c) => c.x + c.w));
    const b: Box = { x: x1, y: pubRtY + k * (pubRtH + 8), w: x2 - x1, h: pubRtH };
    out.push(routeTable(t, b));
    arrowTo(t, b);
    for (const c of cols) out.push(`<line x1="${num(c.x + c.w / 2)}" y1="${num(b.y + b.h)}" x2="${num(c.x + c.w / 2)}" y2="${num(c.y)}" stroke="#999" stroke-dasharray="4 3"/>`);
  });
  for (const az of m.azs) {
    tablesOfColumn(az).forEach((t, k) => {
      const b: Box = { x: colX(azIndex(az)) + 10, y: privRtY + k * (rtH + 8), w: COL - 20, h: rtH };
      out.push(routeTable(t, b));
      arrowTo(t, b);
      for (const id of t.subnets) {
        const s = places.get(id);
        if (s) out.push(`<line x1="${num(b.x + b.w / 2)}" y1="${num(b.y + b.h)}" x2="${num(s.x + s.w / 2)}" y2="${num(s.y)}" stroke="#999" stroke-dasharray="4 3"/>`);
      }
    });
  }

  let height = vpcTop + vpcH + M;
  let oy = vpcTop;
  for (const group of outsideGroups) {
    const members: InstanceNode[] = m.instances.filter((i) => !i.subnet && (i.outside ?? 'outside the VPC') === group);
    const b: Box = { x: outsideX, y: oy, w: COL, h: 40 + members.length * (BOX + 6) };
    out.push(named('outside', group) + rect(b, COLORS.outside, ' stroke-dasharray="6 4"') + text(b.x + 8, b.y + 20, group, { bold: true }) + '</g>');
    members.forEach((inst, k) => out.push(labelledBox('instance', { x: b.x + 12, y: b.y + 30 + k * (BOX + 6), w: COL - 24, h: BOX }, COLORS.instance, [inst.name])));
    oy += b.h + 16;
    height = Math.max(height, oy + M);
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" ${FONT}>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c0392b"/></marker></defs>',
    `<rect x="0" y="0" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

/** The synthesized template's environment as SVG. */
export function renderSvg(template: CfnTemplate): string {
  return renderModelSvg(environmentModel(template));
}
