/**
 * verify and leftovers inside one participant's account. A StackSet names each instance's stack
 * `StackSet-<stackSet>-<uuid>`, not `<stackPrefix>`: verify runs the same checks as `npm run verify`
 * (expected rows from the participant's config, observed through the account's clients, compared)
 * with that account's CloudFormation calls for the stack name sent to the instance's StackId instead;
 * leftovers adds the StackSet's stacks to the usual checks.
 */
import { ListStacksCommand } from '@aws-sdk/client-cloudformation';
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { workshopNames } from '../../lib/config/workshop-config';
import { findLeftovers, LeftoverScan } from '../leftovers/find';
import { LEFTOVER_CHECKS } from '../leftovers/parts';
import { LeftoverCheck, stackGone } from '../leftovers/scan';
import { AwsClients, callerTarget } from '../operator/clients';
import { compare, expectedRows, isOk, VerifyResult } from '../verify/index';
import { observe } from '../verify/observe';

/** CloudFormation calls naming `stack` go to `stackId` (the instance's stack) on these clients. */
export function routeStackName(c: AwsClients, stack: string, stackId: string): void {
  c.cfn.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { StackName?: string };
      if (input.StackName === stack) input.StackName = stackId;
      return next(args);
    },
    { step: 'initialize', name: 'fleetStackSetInstanceStackName' },
  );
}

/** `npm run verify`'s checks in the account of `c`, for a StackSet instance whose stack is `stackId`. */
export async function verifyInstance(c: AwsClients, config: WorkshopConfig, stackId: string | undefined): Promise<VerifyResult> {
  if (stackId) routeStackName(c, workshopNames(config).stack, stackId);
  const target = await callerTarget(c);
  const rows = compare(expectedRows(config, target), await observe(c, config, target));
  return { rows, ok: isOk(rows), target: { account: target.account, region: config.region, endpoint: c.endpoint, emulator: c.emulator } };
}

/** Stacks a StackSet named `stackSet` made in this account (StackSet-<stackSet>-<uuid>). */
export function stackSetStacks(stackSet: string): LeftoverCheck {
  const prefix = `StackSet-${stackSet}-`;
  return {
    name: 'StackSet instance stacks',
    run: (s) =>
      s.attempt(`stacks named ${prefix}*`, async () => {
        let token: string | undefined;
        do {
          const page = await s.c.cfn.send(new ListStacksCommand({ NextToken: token }));
          for (const st of page.StackSummaries ?? []) {
            if (!st.StackName?.startsWith(prefix) || stackGone(st.StackStatus)) continue;
            s.add({ kind: 'CloudFormation stack', id: st.StackName, via: `ListStacks, name starts with ${prefix}`, detail: st.StackStatus ?? '', action: 'npm run fleet -- destroy --roster FILE' });
          }
          token = page.NextToken;
        } while (token);
      }),
  };
}

/** The usual leftover checks plus the StackSet's stacks, in the account of `c`. */
export function accountLeftovers(c: AwsClients, config: WorkshopConfig, stackSet: string): Promise<LeftoverScan> {
  return findLeftovers(config, c, {}, [...LEFTOVER_CHECKS, stackSetStacks(stackSet)]);
}
