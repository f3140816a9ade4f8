/**
 * Custom resource: on Delete, stops new objects (a bucket-policy statement that denies
 * s3:PutObject to every principal, as CDK's own auto-delete handler does: flow logs and a
 * multi-region trail can still deliver files after their source is deleted), then empties the
 * bucket (every object version and delete marker), so CloudFormation can then delete it.
 *
 * Properties: { BucketName: string }
 * PhysicalResourceId: 'empty-on-delete:<bucket>'
 */
import {
  DeleteObjectsCommand,
  GetBucketPolicyCommand,
  ListObjectVersionsCommand,
  ObjectIdentifier,
  PutBucketPolicyCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, isAwsError, lambdaHandler, OnEventResult } from './custom-resource';

export interface EmptyBucketProps {
  BucketName: string;
}

export interface EmptyBucketClients {
  s3: S3Client;
}

const PREFIX = 'empty-on-delete:';

/** Sid of the statement that denies new objects while (and after) the bucket is emptied. */
export const DENY_WRITES_SID = 'DenyWritesWhileEmptying';

interface PolicyDocument {
  Version?: string;
  Statement?: Array<Record<string, unknown>>;
}

/**
 * Adds (once) a statement denying s3:PutObject on every key to every principal, keeping the rest
 * of the bucket policy. Returns false when the bucket is gone.
 */
export async function denyWrites(s3: S3Client, Bucket: string, partition = 'aws'): Promise<boolean> {
  let policy: PolicyDocument = { Version: '2012-10-17', Statement: [] };
  try {
    const out = await call('S3 GetBucketPolicy', s3.send(new GetBucketPolicyCommand({ Bucket })));
    if (out.Policy) policy = JSON.parse(out.Policy) as PolicyDocument;
  } catch (e) {
    if (isAwsError(e, 'NoSuchBucket')) return false;
    if (!isAwsError(e, 'NoSuchBucketPolicy')) throw e;
  }
  const statements = policy.Statement ?? [];
  if (statements.some((s) => s.Sid === DENY_WRITES_SID)) return true;
  statements.push({ Sid: DENY_WRITES_SID, Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `arn:${partition}:s3:::${Bucket}/*` });
  try {
    await call('S3 PutBucketPolicy', s3.send(new PutBucketPolicyCommand({ Bucket, Policy: JSON.stringify({ ...policy, Statement: statements }) })));
  } catch (e) {
    if (isAwsError(e, 'NoSuchBucket')) return false;
    throw e;
  }
  return true;
}

/**
 * Deletes every version and delete marker; returns how many were deleted. Lists the whole
 * bucket first (deleting while paging through markers can skip entries), then deletes in
 * batches of 1000, and lists again in case writers (log deliveries) added objects meanwhile.
 */
export async function emptyBucket(s3: S3Client, Bucket: string): Promise<number> {
  let deleted = 0;
  for (let round = 1; ; round++) {
    const objects: ObjectIdentifier[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    do {
      let page;
      try {
        page = await call('S3 ListObjectVersions', s3.send(new ListObjectVersionsCommand({ Bucket, KeyMarker, VersionIdMarker })));
      } catch (e) {
        if (isAwsError(e, 'NoSuchBucket')) return deleted;
        throw e;
      }
      for (const v of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]) objects.push({ Key: v.Key!, VersionId: v.VersionId });
      KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      VersionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (KeyMarker);
    if (!objects.length) return deleted;
    if (round > 5) throw new Error(`${Bucket} still receives objects after 5 rounds of deleting`);
    for (let i = 0; i < objects.length; i += 1000) {
      const batch = objects.slice(i, i + 1000);
      const out = await call('S3 DeleteObjects', s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch, Quiet: true } })));
      if (out.Errors?.length) {
        const first = out.Errors.slice(0, 5).map((e) => `${e.Key} (${e.VersionId}): ${e.Code}: ${e.Message}`);
        throw new Error(`S3 DeleteObjects failed for ${out.Errors.length} of ${batch.length} objects in ${Bucket}: ${first.join('; ')}`);
      }
      deleted += batch.length;
    }
  }
}

export async function onEvent(
  event: CustomResourceEvent<EmptyBucketProps>,
  clients: EmptyBucketClients = { s3: new S3Client(clientConfig({ s3: true })) },
): Promise<OnEventResult> {
  if (event.RequestType === 'Delete') {
    const id = event.PhysicalResourceId ?? '';
    if (id.startsWith(PREFIX)) {
      const bucket = id.slice(PREFIX.length);
      // The partition of the stack: arn:<partition>:cloudformation:...
      const partition = event.StackId?.split(':')[1] || 'aws';
      if (await denyWrites(clients.s3, bucket, partition)) await emptyBucket(clients.s3, bucket);
    }
    return { PhysicalResourceId: id || event.LogicalResourceId };
  }
  const { BucketName } = event.ResourceProperties;
  if (!BucketName) throw new Error('Property BucketName is required');
  return { PhysicalResourceId: PREFIX + BucketName };
}

export const handler = lambdaHandler(onEvent);
