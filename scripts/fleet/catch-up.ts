/**
 * `fleet catch-up --roster FILE --participant NAME --parts network[,...]`: deploys the listed parts
 * (the `parts` setting: the one template with only those parts) into one participant's account, as
 * the stack a plain `cdk deploy` creates (<stackPrefix>), through the fleet's role, so a participant
 * who fell behind continues by hand from there. A list without what a part needs was refused at
 * synth ("compute needs network"). Exit 0 deployed; 1 the stack failed (what to do next is said);
 * 2 no such participant.
 */
import { CreateStackCommand, DescribeStacksCommand, Parameter, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../operator/clients';
import { errorMessage } from '../operator/errors';
import { accountClients, adminClients } from './accounts';
import type { InspectOptions } from './inspect';
import { sleep } from './progress';
import { FleetTemplate, participantOverrides, removeTemplateBucket, templateSource } from './template';

export interface CatchUpOptions extends InspectOptions {
  readonly participant: string;
  readonly template: FleetTemplate;
  readonly poll: { readonly intervalMs: number; readonly maxPolls: number };
}

async function stackStatus(c: AwsClients, stack: string): Promise<string | undefined> {
  try {
    return (await c.cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0]?.StackStatus;
  } catch {
    return undefined;
  }
}

export async function catchUp(o: CatchUpOptions): Promise<number> {
  const p = o.roster.find((x) => x.name === o.participant);
  if (!p) {
    o.log(`catch-up: no participant ${JSON.stringify(o.participant)} in the roster (${o.roster.map((x) => x.name).join(', ')})`);
    return 2;
  }
  const stack = o.stackSet;
  const admin = adminClients(o.conn);
  let c: AwsClients | undefined;
  try {
    c = await accountClients(o.conn, admin, p.accountId, o.role);
    const declared = new Set(Object.keys(o.template.Parameters ?? {}));
    const Parameters: Parameter[] = participantOverrides(p, o.config).filter((x) => declared.has(x.ParameterKey));
    const source = await templateSource(c, stack, p.accountId, o.template);
    const before = await stackStatus(c, stack);
    const request = { StackName: stack, ...source, Parameters, Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const };
    o.log(`catch-up ${p.name} (${p.accountId}): ${before && before !== 'DELETE_COMPLETE' ? 'updating' : 'creating'} ${stack} with parts ${o.config.parts.join(', ')}`);
    if (before && before !== 'DELETE_COMPLETE') await c.cfn.send(new UpdateStackCommand({ ...request, Capabilities: [...request.Capabilities] }));
    else await c.cfn.send(new CreateStackCommand({ ...request, Capabilities: [...request.Capabilities] }));
    let status: string | undefined;
    for (let i = 0; i < o.poll.maxPolls; i++) {
      const now = await stackStatus(c, stack);
      if (now !== status) o.log(`  ${stack}: ${now}`);
      status = now;
      if (status && !status.endsWith('_IN_PROGRESS')) break;
      await sleep(o.poll.intervalMs);
    }
    await removeTemplateBucket(c, stack, p.accountId);
    if (status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE') {
      o.log(`catch-up: ${p.name} has ${o.config.parts.join(', ')} deployed; they continue by hand from there (npm run check shows where they stand)`);
      return 0;
    }
    o.log(
      `catch-up: ${stack} ended ${status ?? 'unknown'} in ${p.accountId}. Next: read its events (aws cloudformation describe-stack-events --stack-name ${stack}); ` +
        'a name the participant already built by hand (an IAM user, a role) conflicts with the app\'s: delete theirs, or leave that part out of --parts.',
    );
    return 1;
  } catch (e) {
    o.log(`catch-up ${p.name} (${p.accountId}) failed: ${errorMessage(e)}`);
    return 1;
  } finally {
    c?.destroy();
    admin.destroy();
  }
}
