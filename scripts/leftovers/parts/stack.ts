/** The workshop's stack (and the five of the layout before it), and any other stack named <stack>-*. */
import { DescribeStacksCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { LeftoverCheck, stackGone } from '../scan';

export const stacksByName: LeftoverCheck = {
  name: 'stacks by name',
  async run(s) {
    // The one stack, and the five of the layout before it (<prefix>-Identity, ...).
    for (const stack of [s.names.stack, ...s.names.legacyStacks]) {
      await s.lookup(`stack ${stack}`, async () => {
        const st = (await s.c.cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0];
        if (st && !stackGone(st.StackStatus)) s.add({ kind: 'CloudFormation stack', id: stack, via: 'DescribeStacks', detail: st.StackStatus ?? '', action: 'npm run destroy' });
      });
    }
  },
};

export const stacksByPrefix: LeftoverCheck = {
  name: 'stacks by prefix',
  run: (s) =>
    s.attempt(`stacks named ${s.prefix}*`, async () => {
      let token: string | undefined;
      do {
        const page = await s.c.cfn.send(new ListStacksCommand({ NextToken: token }));
        for (const st of page.StackSummaries ?? []) {
          if (!st.StackName?.startsWith(s.prefix) || stackGone(st.StackStatus)) continue;
          s.add({
            kind: 'CloudFormation stack',
            id: st.StackName,
            via: `ListStacks, name starts with ${s.prefix}`,
            detail: st.StackStatus ?? '',
            action: `npm run destroy, or: aws cloudformation delete-stack --stack-name ${st.StackName} --region ${s.region}`,
          });
        }
        token = page.NextToken;
      } while (token);
    }),
};
