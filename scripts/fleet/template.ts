/**
 * The template a StackSet deploys: `cdk synth` of the one stack into a temp dir (own CDK_HOME),
 * checked to stand alone (participant accounts are not bootstrapped), the parameter
 * overrides per participant (only those the template declares), and where CloudFormation reads it
 * from (TemplateBody, or an S3 object of the admin account above the inline limit).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, HeadBucketCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { PARAMETER_NAMES } from '../../lib/config/parameters';
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import type { AwsClients } from '../operator/clients';
import { synthAssembly, type CfnTemplate } from '../operator/template';
import { readStandalone, TEMPLATE_BODY_MAX_BYTES } from '../export/standalone';
import type { Participant } from './roster';

/** CloudFormation's limit for an inline TemplateBody (bytes). */
export const TEMPLATE_BODY_LIMIT = TEMPLATE_BODY_MAX_BYTES;

/** The template a StackSet deploys: the one template shape of the operator commands. */
export type FleetTemplate = CfnTemplate;

/**
 * Synthesizes the app into a temp dir and returns the stack's template, ready for a StackSet:
 * checked to stand alone as `npm run export` checks it (no BootstrapVersion, no assets, ...),
 * since participant accounts are not CDK-bootstrapped.
 */
export async function synthFleetTemplate(stack: string, contextArgs: string[] = []): Promise<FleetTemplate> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-synth-'));
  try {
    await synthAssembly(out, contextArgs);
    const { stackName, template, problems } = readStandalone(out);
    if (stackName !== stack) throw new Error(`cdk synth wrote ${stackName || 'no stack'}, not ${stack} (stackPrefix)`);
    if (problems.length > 0) throw new Error(`The template does not stand alone in a participant account:\n  - ${problems.join('\n  - ')}`);
    return template;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

export interface Override {
  readonly ParameterKey: string;
  readonly ParameterValue: string;
}

/**
 * A participant's values for the per-participant parameters (ParticipantName, AlarmEmail,
 * TrustedAccountId): an empty value is left to the StackSet's (the template's default).
 */
export function participantOverrides(p: Participant, config: WorkshopConfig): Override[] {
  const values: Record<string, string | undefined> = {
    [PARAMETER_NAMES.participantName]: p.name,
    [PARAMETER_NAMES.alarmEmail]: p.email ?? config.alarmEmail,
    [PARAMETER_NAMES.trustedAccountId]: config.trustedAccountId,
  };
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue: ParameterValue! }));
}

/**
 * The StackSet's own values of the per-participant parameters: the template's defaults. AWS lets
 * a stack instance override only parameters that the StackSet specifies.
 */
export function stackSetParameters(template: FleetTemplate): Override[] {
  return Object.values(PARAMETER_NAMES).map((key) => {
    const declared = template.Parameters?.[key];
    if (!declared) throw new Error(`The template has no parameter ${key}: the fleet sets one per participant`);
    return { ParameterKey: key, ParameterValue: String(declared.Default ?? '') };
  });
}

/** The template's body, and its digest (to tell whether the StackSet runs it already). */
export function templateBody(template: FleetTemplate): { body: string; sha256: string; bytes: number } {
  const body = JSON.stringify(template);
  return { body, sha256: crypto.createHash('sha256').update(body).digest('hex'), bytes: Buffer.byteLength(body) };
}

/**
 * TemplateBody when under the inline limit; else uploads it to `<stack>-fleet-templates-<admin>-<region>`
 * (lower case) in the admin account and gives its TemplateURL.
 */
export async function templateSource(
  c: AwsClients, stack: string, admin: string, template: FleetTemplate,
): Promise<{ TemplateBody: string } | { TemplateURL: string }> {
  const { body, sha256, bytes } = templateBody(template);
  if (bytes <= TEMPLATE_BODY_LIMIT) return { TemplateBody: body };
  const bucket = templateBucket(stack, admin, c.region);
  try {
    await c.s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await c.s3.send(new CreateBucketCommand({ Bucket: bucket, ...(c.region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: c.region as never } }) }));
  }
  const key = `${stack}/${sha256}.template.json`;
  await c.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }));
  const host = c.endpoint ? c.endpoint.replace(/\/$/, '') : `https://s3.${c.region}.amazonaws.com`;
  return { TemplateURL: `${host}/${bucket}/${key}` };
}

export function templateBucket(stack: string, admin: string, region: string): string {
  // At most 63 characters, and a bucket name may not end in a hyphen.
  return `${stack.toLowerCase()}-fleet-templates-${admin}-${region}`.slice(0, 63).replace(/-+$/, '');
}

/** Empties and deletes the template bucket, if there is one. True when one was deleted. */
export async function removeTemplateBucket(c: AwsClients, stack: string, admin: string): Promise<boolean> {
  const Bucket = templateBucket(stack, admin, c.region);
  try {
    await c.s3.send(new HeadBucketCommand({ Bucket }));
  } catch {
    return false;
  }
  let token: string | undefined;
  do {
    const page = await c.s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken: token }));
    for (const o of page.Contents ?? []) await c.s3.send(new DeleteObjectCommand({ Bucket, Key: o.Key! }));
    token = page.NextContinuationToken;
  } while (token);
  await c.s3.send(new DeleteBucketCommand({ Bucket }));
  return true;
}
