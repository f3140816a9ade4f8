/**
 * `fleet deploy`: the template to the StackSet and one stack instance per roster line, with each
 * participant's overrides; live progress per account; safe to re-run (only missing, failed,
 * outdated or re-parameterised instances are touched). `dryRun`: the plan and an estimated wall time.
 */
import { DescribeStackInstanceCommand } from '@aws-sdk/client-cloudformation';
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { templateGraphs } from '../bench/deploy-time';
import { minutes, oneTemplateSeconds, roomDeployTime, RoomTime, waves } from '../bench/room-time';
import { callerTarget } from '../operator/clients';
import { adminClients, FleetConnection } from './accounts';
import { followOperations, formatFailures, listInstances, OperationsOutcome, PollOptions } from './progress';

/** The followed operations that ended other than SUCCEEDED, as `id STATUS`. */
const unsuccessful = (o: OperationsOutcome): string[] => Object.entries(o.operations).filter(([, status]) => status !== 'SUCCEEDED').map(([id, status]) => `${id} ${status}`);
import { checkRoles, HOW_TO_CREATE_ROLES } from './roles';
import type { Participant } from './roster';
import { applyPlan, describeStackSet, ensureStackSet, FleetTarget, InstancePlan, planInstances, sameTemplate } from './stackset';
import { FleetTemplate, participantOverrides, TEMPLATE_BODY_LIMIT, templateBody, templateSource } from './template';

export interface DeployOptions extends FleetTarget {
  readonly conn: FleetConnection;
  readonly config: WorkshopConfig;
  readonly roster: readonly Participant[];
  readonly template: FleetTemplate;
  readonly dryRun?: boolean;
  readonly poll: PollOptions;
}

export { waves };

/** Estimated wall time: deploy-time.ts's one-template figure per wave (scripts/bench/room-time.ts). */
export function estimateFleetSeconds(template: FleetTemplate, stack: string, accounts: number, maxConcurrentPercent: number): RoomTime {
  return roomDeployTime(oneTemplateSeconds(templateGraphs([{ name: stack, template }])), accounts, maxConcurrentPercent);
}

export async function deployFleet(o: DeployOptions): Promise<number> {
  const log = o.poll.log;
  const c = adminClients(o.conn);
  try {
    const { account: admin } = await callerTarget(c);
    const { body, bytes } = templateBody(o.template);
    const overridesOf = (p: Participant) => participantOverrides(p, o.config);
    log(`StackSet ${o.stackSet} in ${o.region}, admin account ${admin}, ${o.ou ? `service-managed over ${o.ou}` : 'self-managed'}; template ${bytes} bytes`);

    const existing = await describeStackSet(c, o.stackSet);
    if (o.dryRun) {
      const instances = existing ? await listInstances(c, o.stackSet) : [];
      const templateChanged = existing ? !sameTemplate(existing.TemplateBody, body) : true;
      log(existing ? `would ${templateChanged ? 'update the StackSet template (every instance is updated)' : 'keep the StackSet template (unchanged)'}` : 'would create the StackSet');
      const plan = planInstances(o.roster, instances, o.region, overridesOf);
      for (const p of plan) {
        const action = templateChanged && p.action === 'keep' ? 'update' : p.action;
        const params = p.overrides.map((x) => `${x.ParameterKey}=${x.ParameterValue}`).join(' ');
        log(`  ${p.participant.name.padEnd(16)} ${p.participant.accountId}  would ${action.padEnd(6)} ${templateChanged && p.action === 'keep' ? 'new template' : p.why}${params ? `  [${params}]` : ''}`);
      }
      const touched = plan.filter((p) => templateChanged || p.action !== 'keep').length;
      const est = estimateFleetSeconds(o.template, o.stackSet, touched, o.maxConcurrentPercent);
      log(`estimated wall time: ${minutes(est.seconds)} = ${est.waves} wave(s) of up to ${est.concurrent} account(s) x ~${minutes(est.perInstance)} per instance` +
        ` (${touched} instance(s), --max-concurrent-percent ${o.maxConcurrentPercent})`);
      return 0;
    }

    if (!o.ou) {
      const problems = await checkRoles(o.conn, c, admin, o.roster);
      if (problems.length) {
        log(`Missing StackSets roles:\n${problems.map((p) => `  - ${p.message}`).join('\n')}\n${HOW_TO_CREATE_ROLES}`);
        if (problems.some((p) => p.account === admin && !p.participant)) return 1;
        log('Deploying to the other accounts; those above will fail.');
      }
    }

    const source = await templateSource(c, o.stackSet, admin, o.template);
    if ('TemplateURL' in source) log(`template over ${TEMPLATE_BODY_LIMIT} bytes: uploaded to ${source.TemplateURL}`);
    const set = await ensureStackSet(c, o, admin, source, body, o.poll.intervalMs);
    log(`StackSet ${o.stackSet}: ${set.action}`);
    if (set.operationId) {
      const upd = await followOperations(c, o.stackSet, [set.operationId], o.roster, o.poll);
      if (upd.timedOut) log(`the StackSet update is still running (operation ${set.operationId}); run again to follow it`);
      else if (upd.failures.length || unsuccessful(upd).length) {
        log(`The StackSet update FAILED (${unsuccessful(upd).join(', ') || 'per account'}):\n${formatFailures(upd.failures)}`);
        return 1;
      }
    }

    const instances = await listInstances(c, o.stackSet);
    const current = new Map<string, { ParameterKey?: string; ParameterValue?: string }[]>();
    if (Object.keys(o.template.Parameters ?? {}).length > 0) {
      for (const i of instances.filter((x) => x.Status === 'CURRENT' && x.Region === o.region && o.roster.some((p) => p.accountId === x.Account))) {
        const d = await c.cfn.send(new DescribeStackInstanceCommand({ StackSetName: o.stackSet, StackInstanceAccount: i.Account!, StackInstanceRegion: o.region }));
        current.set(i.Account!, d.StackInstance?.ParameterOverrides ?? []);
      }
    }
    const plan: InstancePlan[] = planInstances(o.roster, instances, o.region, overridesOf, current);
    for (const p of plan) log(`  ${p.participant.name.padEnd(16)} ${p.participant.accountId}  ${p.action.padEnd(6)} ${p.why}`);
    const ids = await applyPlan(c, o, plan, o.poll.intervalMs);
    if (ids.length === 0) {
      log('Nothing to do: every instance is CURRENT with this template and its overrides.');
      return 0;
    }
    log(`Following ${ids.length} operation(s):`);
    const outcome = await followOperations(c, o.stackSet, ids, o.roster, o.poll);
    if (outcome.timedOut) {
      log(`Stopped following after ${o.poll.maxPolls} polls; the operations still run in CloudFormation: npm run fleet -- status --roster ...`);
      return 1;
    }
    if (outcome.failures.length) {
      log(`FAILED in ${outcome.failures.length} account(s):\n${formatFailures(outcome.failures)}`);
      return 1;
    }
    if (unsuccessful(outcome).length) {
      log(`FAILED: operation(s) ${unsuccessful(outcome).join(', ')} did not succeed, though no account reported a failure: npm run fleet -- status --roster ...`);
      return 1;
    }
    log(`Deployed: ${plan.length} participant(s), all CURRENT.`);
    return 0;
  } finally {
    c.destroy();
  }
}
