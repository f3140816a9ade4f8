/**
 * `fleet handouts --out DIR`: per participant, their stack's outputs read in their account
 * (through the execution role or `role`, as `fleet verify` reaches accounts), rendered by
 * handout-page.ts into DIR/<participant>.md and .html, with the environment diagram drawn from
 * the template (DIR/<participant>.svg, inlined in the HTML). The StackSet's stack in an account
 * is the instance's StackId, else the one named StackSet-<stackSet>-<uuid>.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DescribeStacksCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { renderSvg } from '../diagram/render-svg';
import type { AwsClients } from '../operator/clients';
import type { CfnTemplate } from '../operator/template';
import { adminClients, forEachAccount } from './accounts';
import { handoutHtml, handoutMarkdown } from './handout-page';
import type { InspectOptions } from './inspect';
import { listInstances } from './progress';
import { describeStackSet } from './stackset';

export interface HandoutsOptions extends InspectOptions {
  readonly outDir: string;
  readonly template: CfnTemplate;
}

/** The StackSet's stack in the account of `c`: `stackId` when known, else the live StackSet-<stackSet>-* stack. */
export async function findInstanceStack(c: AwsClients, stackSet: string, stackId?: string): Promise<string | undefined> {
  if (stackId) return stackId;
  const prefix = `StackSet-${stackSet}-`;
  let token: string | undefined;
  do {
    const page = await c.cfn.send(new ListStacksCommand({ NextToken: token }));
    const live = (page.StackSummaries ?? []).find((s) => s.StackName?.startsWith(prefix) && s.StackStatus !== 'DELETE_COMPLETE');
    if (live) return live.StackId ?? live.StackName;
    token = page.NextToken;
  } while (token);
  return undefined;
}

/** The outputs of the StackSet's stack in the account of `c`, OutputKey -> OutputValue. */
export async function instanceOutputs(c: AwsClients, stackSet: string, stackId?: string): Promise<Record<string, string>> {
  const stack = await findInstanceStack(c, stackSet, stackId);
  if (!stack) throw new Error(`no stack StackSet-${stackSet}-* in this account: deploy first (npm run fleet -- deploy --roster FILE)`);
  const res = await c.cfn.send(new DescribeStacksCommand({ StackName: stack }));
  const outputs = res.Stacks?.[0]?.Outputs ?? [];
  return Object.fromEntries(outputs.filter((o) => o.OutputKey).map((o) => [o.OutputKey!, o.OutputValue ?? '']));
}

/** Writes the pages; exit 0 when every participant got one, 1 otherwise. */
export async function fleetHandouts(o: HandoutsOptions): Promise<number> {
  const admin = adminClients(o.conn);
  try {
    const set = await describeStackSet(admin, o.stackSet);
    const instances = set ? await listInstances(admin, o.stackSet) : [];
    const stackIdOf = (account: string) => instances.find((i) => i.Account === account && i.Region === o.conn.region)?.StackId;
    const outcomes = await forEachAccount(o.conn, admin, o.roster, o.role, (c, p) => instanceOutputs(c, o.stackSet, stackIdOf(p.accountId)));
    const svg = renderSvg(o.template);
    fs.mkdirSync(o.outDir, { recursive: true });
    let failed = 0;
    for (const out of outcomes) {
      const p = out.participant;
      if (!out.ok) {
        failed++;
        o.log(`  ${p.name.padEnd(16)} ${p.accountId.padEnd(12)} ERROR ${out.error}`);
        continue;
      }
      const input = { participant: p.name, accountId: p.accountId, region: o.conn.region, outputs: out.value, svg, svgFile: `${p.name}.svg` };
      fs.writeFileSync(path.join(o.outDir, `${p.name}.svg`), svg);
      fs.writeFileSync(path.join(o.outDir, `${p.name}.md`), handoutMarkdown(input));
      fs.writeFileSync(path.join(o.outDir, `${p.name}.html`), handoutHtml(input));
      o.log(`  ${p.name.padEnd(16)} ${p.accountId.padEnd(12)} ${path.join(o.outDir, `${p.name}.md`)} (.html, .svg), ${Object.keys(out.value).length} outputs`);
    }
    o.log(`handouts: ${o.roster.length - failed} of ${o.roster.length} participant(s) written to ${o.outDir}`);
    return failed ? 1 : 0;
  } finally {
    admin.destroy();
  }
}
