/**
 * The isolation demos in `npm run local -- -c day2=true`, as an organiser runs them
 * (`npm run demo -- isolate|release <instance id>`), on the workshop's Ubuntu instance: isolate,
 * isolate again (changes nothing), release; on the emulator without --keep, isolate once more, so
 * that destroy has to clean up an isolated instance, its isolation group and its snapshot.
 */
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { workshopNames } from '../../lib/config/workshop-config';
import { isolate, release } from '../demo/isolation';
import type { DemoContext } from '../demo/types';

/** The demos to run, in order, with the instance they act on; undefined when the instance is not running. */
export async function isolationDemos(ctx: DemoContext, leaveIsolated: boolean): Promise<{ instanceId: string; demos: (typeof isolate)[] } | undefined> {
  const name = workshopNames(ctx.config).ubuntuInstance;
  const found = await ctx.c.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: [name] }, { Name: 'instance-state-name', Values: ['running'] }] }));
  const instanceId = found.Reservations?.[0]?.Instances?.[0]?.InstanceId;
  if (!instanceId) return undefined;
  return { instanceId, demos: [isolate, isolate, release, ...(leaveIsolated ? [isolate] : [])] };
}
