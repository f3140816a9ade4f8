/**
 * `fleet destroy`: deletes every roster account's stack instance (RetainStacks false), follows the
 * operation, deletes the StackSet once it has no instances left (and the admin account's template
 * bucket), then looks for leftovers in every account.
 */
import { callerTarget } from '../operator/clients';
import { adminClients } from './accounts';
import { fleetLeftovers, InspectOptions } from './inspect';
import { followOperations, formatFailures, listInstances, PollOptions } from './progress';
import { deleteInstances, deleteStackSet, describeStackSet, FleetTarget } from './stackset';
import { removeTemplateBucket } from './template';

export interface DestroyOptions extends InspectOptions, FleetTarget {
  readonly poll: PollOptions;
}

export async function destroyFleet(o: DestroyOptions): Promise<number> {
  const c = adminClients(o.conn);
  let failed = false;
  try {
    const { account: admin } = await callerTarget(c);
    if (await describeStackSet(c, o.stackSet)) {
      const instances = await listInstances(c, o.stackSet);
      const accounts = o.roster.map((p) => p.accountId).filter((a) => instances.some((i) => i.Account === a && i.Region === o.region));
      o.log(`Deleting ${accounts.length} stack instance(s) of ${o.stackSet}${accounts.length < o.roster.length ? ` (${o.roster.length - accounts.length} roster account(s) have none)` : ''}`);
      const op = await deleteInstances(c, o, accounts, o.poll.intervalMs);
      if (op) {
        const outcome = await followOperations(c, o.stackSet, [op], o.roster, o.poll);
        if (outcome.failures.length || outcome.timedOut) {
          failed = true;
          o.log(outcome.timedOut ? 'The delete is still running: run destroy again to follow it.' : `Delete FAILED in ${outcome.failures.length} account(s):\n${formatFailures(outcome.failures)}`);
        }
      }
      const remaining = await listInstances(c, o.stackSet);
      if (remaining.length === 0) {
        await deleteStackSet(c, o.stackSet, o.poll.intervalMs);
        o.log(`StackSet ${o.stackSet} deleted.`);
      } else {
        failed = true;
        o.log(`StackSet ${o.stackSet} kept: ${remaining.length} instance(s) left (${remaining.map((i) => `${i.Account} ${i.Status}`).join(', ')}).`);
      }
    } else {
      o.log(`No StackSet ${o.stackSet}: no instances to delete.`);
    }
    if (await removeTemplateBucket(c, o.stackSet, admin)) o.log('Template bucket of the admin account deleted.');
  } finally {
    c.destroy();
  }
  o.log('Leftovers per account:');
  const left = await fleetLeftovers(o);
  return failed ? 1 : left;
}
