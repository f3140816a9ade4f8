/**
 * One participant's handout page, Markdown and HTML, from their stack's outputs (literal values,
 * as DescribeStacks returns them) and the environment diagram (SVG). Pure: no AWS, no files.
 * The HTML escapes every value; links are links only for http(s) URLs.
 */
import { escapeXml } from '../diagram/render-svg';

export interface HandoutInput {
  readonly participant: string;
  readonly accountId: string;
  readonly region: string;
  /** The stack's outputs, OutputKey -> OutputValue. */
  readonly outputs: Readonly<Record<string, string>>;
  /** The environment diagram (inlined in the HTML). */
  readonly svg?: string;
  /** File name of the diagram beside the Markdown page (e.g. alice.svg). */
  readonly svgFile?: string;
}

type Item =
  | { readonly kind: 'link'; readonly label: string; readonly url?: string }
  | { readonly kind: 'value'; readonly label: string; readonly value?: string }
  | { readonly kind: 'code'; readonly label: string; readonly code?: string; readonly lang?: string }
  | { readonly kind: 'note'; readonly text: string };

interface Section {
  readonly title: string;
  readonly items: Item[];
}

const MISSING = '(not in the stack outputs)';

/** What a page says, in order: the same for Markdown and HTML. */
export function handoutSections(h: HandoutInput): Section[] {
  const o = h.outputs;
  const signIn = o.ReadOnlyUserSignInUrl ?? `https://${h.accountId}.signin.aws.amazon.com/console`;
  return [
    {
      title: 'Your account',
      items: [
        { kind: 'value', label: 'Account', value: h.accountId },
        { kind: 'value', label: 'Region', value: h.region },
        { kind: 'link', label: 'Console sign-in', url: signIn },
      ],
    },
    {
      title: 'Read-only console user',
      items: [
        { kind: 'value', label: 'User name', value: o.ReadOnlyUserName },
        { kind: 'note', text: 'Its first password is in Secrets Manager; your organiser (or anyone with admin access to the account) reads it with the command below. You must change it at first sign-in.' },
        { kind: 'code', label: 'First password', code: o.ReadOnlyUserPassword, lang: 'sh' },
      ],
    },
    {
      title: 'Switch role (read-only cross-account role)',
      items: [
        { kind: 'link', label: 'Switch-role link', url: o.SwitchRoleUrl },
        { kind: 'value', label: 'Role ARN', value: o.CrossAccountRoleArn },
      ],
    },
    { title: 'Webserver', items: [{ kind: 'link', label: 'Web page', url: o.WebserverUrl }] },
    {
      title: 'Shells with Session Manager (AWS CLI with the Session Manager plugin)',
      items: [
        { kind: 'code', label: 'Webserver', code: o.WebserverSession, lang: 'sh' },
        { kind: 'code', label: 'Ubuntu instance', code: o.UbuntuSession, lang: 'sh' },
        { kind: 'code', label: 'Windows instance', code: o.WindowsSession, lang: 'sh' },
      ],
    },
    {
      title: 'Wazuh',
      items: [
        { kind: 'note', text: "Paste this block into Wazuh's ossec.conf to read the VPC flow logs from S3." },
        { kind: 'code', label: 'ossec.conf', code: o.WazuhOssecConfig, lang: 'xml' },
        { kind: 'value', label: 'Reader policy', value: o.WazuhPolicyArn },
        ...(o.WazuhRoleArn ? [{ kind: 'value' as const, label: 'Reader role', value: o.WazuhRoleArn }] : []),
      ],
    },
  ];
}

/** An inline code span that holds any text (a fence longer than its longest run of backticks). */
function codeSpan(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${/^`|`$/.test(s) ? ` ${s} ` : s}${fence}`;
}

function codeBlock(s: string, lang = ''): string {
  const longest = Math.max(2, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${s}\n${fence}`;
}

const isWebUrl = (s: string | undefined): s is string => !!s && /^https?:\/\/[^\s<>"]+$/.test(s);

export function handoutMarkdown(h: HandoutInput): string {
  const lines: string[] = [`# Workshop handout: ${h.participant}`, ''];
  for (const s of handoutSections(h)) {
    lines.push(`## ${s.title}`, '');
    for (const i of s.items) {
      if (i.kind !== 'link' && i.kind !== 'value' && lines[lines.length - 1].startsWith('- ')) lines.push(''); // end the list
      if (i.kind === 'note') lines.push(i.text, '');
      else if (i.kind === 'link') lines.push(`- ${i.label}: ${isWebUrl(i.url) ? `<${i.url}>` : i.url ? codeSpan(i.url) : MISSING}`);
      else if (i.kind === 'value') lines.push(`- ${i.label}: ${i.value ? codeSpan(i.value) : MISSING}`);
      else lines.push(`${i.label}:`, '', i.code ? codeBlock(i.code, i.lang) : MISSING, '');
    }
    if (lines[lines.length - 1] !== '') lines.push('');
  }
  lines.push('## Your environment', '');
  lines.push(h.svgFile ? `![The environment in your account](${encodeURI(h.svgFile)})` : '(no diagram)', '');
  return lines.join('\n');
}

export function handoutHtml(h: HandoutInput): string {
  const e = escapeXml;
  const body: string[] = [`<h1>Workshop handout: ${e(h.participant)}</h1>`];
  for (const s of handoutSections(h)) {
    body.push(`<h2>${e(s.title)}</h2>`);
    const list: string[] = [];
    const flush = () => {
      if (list.length) body.push(`<ul>\n${list.join('\n')}\n</ul>`);
      list.length = 0;
    };
    for (const i of s.items) {
      if (i.kind === 'link') list.push(`<li>${e(i.label)}: ${isWebUrl(i.url) ? `<a href="${e(i.url)}">${e(i.url)}</a>` : i.url ? `<code>${e(i.url)}</code>` : e(MISSING)}</li>`);
      else if (i.kind === 'value') list.push(`<li>${e(i.label)}: ${i.value ? `<code>${e(i.value)}</code>` : e(MISSING)}</li>`);
      else {
        flush();
        if (i.kind === 'note') body.push(`<p>${e(i.text)}</p>`);
        else body.push(`<p>${e(i.label)}:</p>`, i.code ? `<pre><code>${e(i.code)}</code></pre>` : `<p>${e(MISSING)}</p>`);
      }
    }
    flush();
  }
  body.push('<h2>Your environment</h2>', h.svg ? `<div class="diagram">${h.svg}</div>` : '<p>(no diagram)</p>');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>Workshop handout: ${e(h.participant)}</title>`,
    '<style>body{font-family:Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em}pre{background:#f4f4f4;padding:.8em;overflow-x:auto}code{font-size:90%}.diagram svg{max-width:100%;height:auto}</style>',
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
