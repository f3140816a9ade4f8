/**
 * Everything carrying the workshop tag, of every part: the Resource Groups Tagging API. Terminated
 * instances, deleted NAT gateways, deleted stacks and KMS keys pending deletion keep their tags for
 * a while (on AWS too): not leftovers.
 */
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeInstancesCommand, DescribeNatGatewaysCommand } from '@aws-sdk/client-ec2';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { PARTICIPANT_TAG_KEY } from '../../../lib/config/workshop-config';
import { LeftoverCheck, Scan, stackGone } from '../scan';

const IAM_KINDS: Record<string, string> = { group: 'IAM group', user: 'IAM user', role: 'IAM role', 'instance-profile': 'IAM instance profile' };

/** The id the lookups by name give the same resource, so that it is listed once: else the part after the last / or :. */
export function idOfArn(arn: string): string {
  const [, , service, , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  if (service === 'cloudformation' && resource.startsWith('stack/')) return resource.split('/')[1];
  if (service === 'logs' && resource.startsWith('log-group:')) return `logs:${resource.slice('log-group:'.length).replace(/:\*$/, '')}`;
  if (service === 'secretsmanager' && resource.startsWith('secret:')) return `secret:${resource.slice('secret:'.length).replace(/-[A-Za-z0-9]{6}$/, '')}`;
  const iamKind = service === 'iam' ? IAM_KINDS[resource.split('/')[0]] : undefined;
  if (iamKind) return `${iamKind}:${resource.split('/').pop()}`;
  return arn.split(/[/:]/).pop() ?? arn;
}

/**
 * Terminated instances, deleted NAT gateways and deleted stacks keep their tags for a while (on AWS
 * too); so does the workshop's KMS key, which destroy schedules for deletion (KMS waits 7 days).
 */
async function goneButTagged(s: Scan, arn: string, id: string): Promise<boolean> {
  if (/^arn:[^:]+:ec2:/.test(arn) && arn.includes(':instance/')) {
    const r = await s.c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })).catch(() => undefined);
    const state = r?.Reservations?.[0]?.Instances?.[0]?.State?.Name;
    return !state || state === 'terminated';
  }
  if (/^arn:[^:]+:ec2:/.test(arn) && arn.includes(':natgateway/')) {
    const r = await s.c.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] })).catch(() => undefined);
    const state = r?.NatGateways?.[0]?.State;
    return !state || state === 'deleted';
  }
  if (/^arn:[^:]+:kms:/.test(arn) && arn.includes(':key/')) {
    const r = await s.c.kms.send(new DescribeKeyCommand({ KeyId: arn })).catch(() => undefined);
    const state = r?.KeyMetadata?.KeyState;
    return !state || state === 'PendingDeletion';
  }
  if (/^arn:[^:]+:cloudformation:/.test(arn) && arn.includes(':stack/')) {
    const r = await s.c.cfn.send(new DescribeStacksCommand({ StackName: arn })).catch(() => undefined);
    return stackGone(r?.Stacks?.[0]?.StackStatus);
  }
  return false;
}

export const taggedResources: LeftoverCheck = {
  name: 'Resource Groups Tagging API',
  run: (s) =>
    s.attempt('Resource Groups Tagging API', async () => {
      let token: string | undefined;
      do {
        const page = await s.c.tagging.send(new GetResourcesCommand({ TagFilters: s.tagFilters, PaginationToken: token }));
        for (const r of page.ResourceTagMappingList ?? []) {
          const arn = r.ResourceARN!;
          const id = idOfArn(arn);
          if (s.has(id) || (await goneButTagged(s, arn, id))) continue;
          const participant = r.Tags?.find((t) => t.Key === PARTICIPANT_TAG_KEY)?.Value;
          s.add({
            kind: `tagged ${arn.split(':')[2]} resource`,
            id,
            via: 'Resource Groups Tagging API GetResources',
            detail: `${arn}${participant ? ` (participant ${participant})` : ''}`,
            action: 'delete it (it carries the workshop tag, so a stack made it and the stack is gone or lost track of it)',
          });
        }
        token = page.PaginationToken || undefined;
      } while (token);
    }),
};
