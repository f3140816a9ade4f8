/** What of the network part (and the log groups of any part) carries no tag of ours: the flow-log group, log groups named <stack>-*, <stack>/* (the handlers') or /aws/lambda/<stack>-*, the flow-log bucket. */
import { DescribeLogGroupsCommand, LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { LeftoverCheck } from '../scan';

export const logGroups: LeftoverCheck = {
  name: 'log groups',
  run: (s) =>
    s.attempt('log groups', async () => {
      const n = s.names;
      for (const groupPrefix of [n.flowLogGroup, s.prefix, `/aws/lambda/${s.prefix}`]) {
        const groups: LogGroup[] = [];
        let token: string | undefined;
        do {
          const page = await s.c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: groupPrefix, nextToken: token }));
          groups.push(...(page.logGroups ?? []));
          token = page.nextToken;
        } while (token);
        for (const g of groups) {
          if (groupPrefix === n.flowLogGroup && g.logGroupName !== n.flowLogGroup) continue;
          s.add({
            kind: 'log group',
            id: `logs:${g.logGroupName}`,
            via: `DescribeLogGroups prefix ${groupPrefix}`,
            detail: `${g.logGroupName} (${g.storedBytes ?? 0} bytes)`,
            action: `aws logs delete-log-group --log-group-name ${g.logGroupName} --region ${s.region}`,
          });
        }
      }
    }),
};

export const flowLogBucket: LeftoverCheck = {
  name: 'flow-log bucket',
  run(s) {
    const bucket = s.bucket;
    return s.lookup(`bucket ${bucket}`, async () => {
      await s.c.s3.send(new HeadBucketCommand({ Bucket: bucket }));
      s.add({ kind: 'S3 bucket', id: bucket, via: 'HeadBucket', detail: 'the flow-log bucket', action: `aws s3 rb s3://${bucket} --force` });
    });
  },
};
