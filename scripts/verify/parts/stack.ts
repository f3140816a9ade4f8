/** The workshop's one stack: it exists and its last create or update completed. */
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { errorName } from '../../operator/errors';
import { STACK_DONE } from '../labels';
import type { Observer } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';

export const stackPart: VerifyPart = {
  part: 'stack',

  expectedRows: ({ labels: L }: Scope) => L.stacks.flatMap((stack) => resourceRows('stack', L.stack(stack), [['status', STACK_DONE[0], STACK_DONE.slice(1)]])),

  async observe(o: Observer) {
    const L = o.scope.labels;
    for (const stack of L.stacks) {
      await o.guard(L.stack(stack), async () => {
        try {
          const s = (await o.c.cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0];
          o.exists(L.stack(stack), s && s.StackStatus !== 'DELETE_COMPLETE');
          if (s) o.val(L.stack(stack), 'status', s.StackStatus, s.StackStatusReason);
        } catch (e) {
          if (errorName(e) === 'ValidationError') o.exists(L.stack(stack), false);
          else throw e;
        }
      });
    }
  },
};
