import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketPolicyCommand,
  HeadBucketCommand,
  ListObjectVersionsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Emulator } from '../../scripts/emulator/emulator';
import { clientConfig } from '../../lib/aws/clients';
import { DENY_WRITES_SID, onEvent } from '../../lib/handlers/empty-bucket';
import { cfnEvent, emulator } from './support';

jest.setTimeout(120_000);

let emu: Emulator;
let s3: S3Client;

async function inParallel<T>(items: T[], fn: (item: T) => Promise<unknown>, width = 32): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

async function countVersions(Bucket: string): Promise<{ versions: number; markers: number }> {
  let versions = 0;
  let markers = 0;
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  do {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket, KeyMarker, VersionIdMarker }));
    versions += page.Versions?.length ?? 0;
    markers += page.DeleteMarkers?.length ?? 0;
    KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    VersionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (KeyMarker);
  return { versions, markers };
}

beforeAll(async () => {
  emu = await emulator();
  s3 = new S3Client(clientConfig({ s3: true, env: emu.env }));
});
afterAll(() => emu?.stop());

test('Create and Update change nothing; Delete empties a versioned bucket of every version and delete marker', async () => {
  const Bucket = 'workshop-logs-versioned';
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  // 1,100 keys with 2 versions each, 150 of them then deleted: 2,200 versions + 150 delete markers,
  // i.e. several ListObjectVersions pages and DeleteObjects batches.
  const keys = Array.from({ length: 1100 }, (_, i) => `logs/${String(i).padStart(5, '0')}.json`);
  await inParallel(keys, async (Key) => {
    await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'v1' }));
    await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'v2' }));
  });
  await inParallel(keys.slice(0, 150), (Key) => s3.send(new DeleteObjectCommand({ Bucket, Key })));
  expect(await countVersions(Bucket)).toEqual({ versions: 2200, markers: 150 });

  const physicalId = `empty-on-delete:${Bucket}`;
  expect(await onEvent(cfnEvent('Create', { BucketName: Bucket }), { s3 })).toEqual({ PhysicalResourceId: physicalId });
  expect(await onEvent(cfnEvent('Update', { BucketName: Bucket }, { PhysicalResourceId: physicalId, OldResourceProperties: { BucketName: Bucket } }), { s3 }))
    .toEqual({ PhysicalResourceId: physicalId });
  expect(await countVersions(Bucket)).toEqual({ versions: 2200, markers: 150 });

  expect(await onEvent(cfnEvent('Delete', { BucketName: Bucket }, { PhysicalResourceId: physicalId }), { s3 })).toEqual({ PhysicalResourceId: physicalId });
  expect(await countVersions(Bucket)).toEqual({ versions: 0, markers: 0 });
  // Now CloudFormation can delete the bucket.
  await s3.send(new DeleteBucketCommand({ Bucket }));
  // A bucket already gone counts as done.
  await expect(onEvent(cfnEvent('Delete', { BucketName: Bucket }, { PhysicalResourceId: physicalId }), { s3 })).resolves.toEqual({
    PhysicalResourceId: physicalId,
  });
});

test('empties an unversioned bucket too', async () => {
  const Bucket = 'workshop-plain';
  await s3.send(new CreateBucketCommand({ Bucket }));
  await inParallel(Array.from({ length: 30 }, (_, i) => `k${i}`), (Key) => s3.send(new PutObjectCommand({ Bucket, Key, Body: 'x' })));
  await onEvent(cfnEvent('Delete', { BucketName: Bucket }, { PhysicalResourceId: `empty-on-delete:${Bucket}` }), { s3 });
  expect(await countVersions(Bucket)).toEqual({ versions: 0, markers: 0 });
  await s3.send(new HeadBucketCommand({ Bucket }));
});

test('reports the objects S3 refused to delete', async () => {
  const Bucket = 'workshop-locked';
  await s3.send(new CreateBucketCommand({ Bucket, ObjectLockEnabledForBucket: true }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'free', Body: 'x' }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'held', Body: 'x' }));
  await s3.send(new PutObjectLegalHoldCommand({ Bucket, Key: 'held', LegalHold: { Status: 'ON' } }));
  await expect(onEvent(cfnEvent('Delete', { BucketName: Bucket }, { PhysicalResourceId: `empty-on-delete:${Bucket}` }), { s3 })).rejects.toThrow(
    /^S3 DeleteObjects failed for 1 of 2 objects in workshop-locked: held \(.+\): /,
  );
  expect(await countVersions(Bucket)).toEqual({ versions: 1, markers: 0 });
});

test('the rollback Delete after a failed Create touches nothing', async () => {
  const Bucket = 'workshop-untouched';
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x' }));
  await onEvent(cfnEvent('Delete', { BucketName: Bucket }, { PhysicalResourceId: 'Resource' }), { s3 });
  expect(await countVersions(Bucket)).toEqual({ versions: 1, markers: 0 });
  await expect(onEvent(cfnEvent('Create', {}), { s3 })).rejects.toThrow('BucketName is required');
});

test('Delete first denies new objects in the bucket policy (keeping its statements), then empties; a second Delete adds no second deny', async () => {
  const Bucket = 'workshop-still-delivering';
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  const delivery = {
    Sid: 'AWSLogDeliveryWrite',
    Effect: 'Allow',
    Principal: { Service: 'delivery.logs.amazonaws.com' },
    Action: 's3:PutObject',
    Resource: `arn:aws:s3:::${Bucket}/vpc/AWSLogs/123456789012/*`,
  };
  await s3.send(new PutBucketPolicyCommand({ Bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [delivery] }) }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'vpc/AWSLogs/123456789012/f.log.gz', Body: 'x' }));
  const event = cfnEvent('Delete', { BucketName: Bucket }, { PhysicalResourceId: `empty-on-delete:${Bucket}` });
  await onEvent(event, { s3 });
  const deny = { Sid: DENY_WRITES_SID, Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `arn:aws:s3:::${Bucket}/*` };
  const statements = async () => JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy!).Statement;
  expect(await statements()).toEqual([delivery, deny]);
  expect(await countVersions(Bucket)).toEqual({ versions: 0, markers: 0 });
  // A late delivery is refused: the bucket stays empty for CloudFormation to delete.
  await expect(s3.send(new PutObjectCommand({ Bucket, Key: 'vpc/AWSLogs/123456789012/late.log.gz', Body: 'x' }))).rejects.toThrow();
  expect(await countVersions(Bucket)).toEqual({ versions: 0, markers: 0 });
  await onEvent(event, { s3 });
  expect(await statements()).toEqual([delivery, deny]);
});

test('a bucket without a policy gets one with the deny alone', async () => {
  const Bucket = 'workshop-no-policy';
  await s3.send(new CreateBucketCommand({ Bucket }));
  await onEvent(cfnEvent('Delete', { BucketName: Bucket }, { PhysicalResourceId: `empty-on-delete:${Bucket}` }), { s3 });
  const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy!);
  expect(policy.Statement).toEqual([{ Sid: DENY_WRITES_SID, Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `arn:aws:s3:::${Bucket}/*` }]);
});
