/**
 * CloudFormation templates as the operator commands read them: the one shape of a template, the
 * templates of a synthesized cloud assembly (cdk.out), `cdk synth` into one, and the values CDK
 * writes for names and ARNs resolved without deploying (what Wazuh's aws-s3 module needs: the flow
 * log's bucket and folder, the reader role).
 */
import { WAZUH_ROLE_OUTPUT } from '../../lib/wazuh/from-template';
import { readStackArtifacts } from './assembly';
import { ROOT, runCdkOffline } from './context';

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
}

export interface CfnTemplate {
  readonly Description?: string;
  readonly Resources?: Record<string, CfnResource>;
  readonly Parameters?: Record<
    string,
    { readonly Type?: string; readonly Default?: unknown; readonly AllowedPattern?: string; readonly MaxLength?: number; readonly Description?: string }
  >;
  readonly Conditions?: Record<string, unknown>;
  readonly Rules?: Record<string, unknown>;
  readonly Outputs?: Record<string, { readonly Value: unknown; readonly Description?: string }>;
}

/** Stack name -> template. */
export type Templates = Record<string, CfnTemplate>;

/** The stack templates of a cloud assembly directory (cdk.out). */
export function readTemplates(dir: string): Templates {
  return Object.fromEntries(readStackArtifacts<CfnTemplate>(dir).map((s) => [s.name, s.template]));
}

/** `cdk synth -q -o <outdir> [-c ...]` with the project's CLI; rejects with the CLI's output on failure. */
export async function synthAssembly(outdir: string, contextArgs: string[] = [], cwd = ROOT): Promise<void> {
  const { code, output } = await runCdkOffline(['synth', '-q', '-o', outdir, ...contextArgs], cwd);
  if (code !== 0) throw new Error(`cdk synth -o ${outdir} ${contextArgs.join(' ')} failed (${code}):\n${output}`);
}

export interface DeployTarget {
  readonly account: string;
  readonly region: string;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * Resolves the intrinsics CDK writes for names and ARNs: pseudo parameters, Fn::Join, Ref of a
 * bucket with a BucketName, Fn::GetAtt Arn of a named bucket or role. Anything else throws.
 */
export function resolveValue(template: CfnTemplate, value: unknown, target: DeployTarget): string {
  const partition = partitionOf(target.region);
  const fail = (): never => {
    throw new Error(`Cannot resolve ${JSON.stringify(value)} without deploying: only literals, pseudo parameters, Fn::Join and named buckets or roles`);
  };
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return fail();
  const v = value as Record<string, unknown>;
  if ('Fn::Join' in v) {
    const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => resolveValue(template, p, target)).join(separator);
  }
  if ('Ref' in v) {
    const pseudo: Record<string, string> = {
      'AWS::AccountId': target.account,
      'AWS::Region': target.region,
      'AWS::Partition': partition,
      'AWS::URLSuffix': partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
    };
    const ref = String(v.Ref);
    if (ref in pseudo) return pseudo[ref];
    const resource = template.Resources?.[ref];
    if (resource?.Type === 'AWS::S3::Bucket' && resource.Properties?.BucketName) return resolveValue(template, resource.Properties.BucketName, target);
    return fail();
  }
  if ('Fn::GetAtt' in v) {
    const [id, attribute] = v['Fn::GetAtt'] as [string, string];
    const resource = template.Resources?.[id];
    if (attribute !== 'Arn' || !resource) return fail();
    if (resource.Type === 'AWS::S3::Bucket' && resource.Properties?.BucketName) {
      return `arn:${partition}:s3:::${resolveValue(template, resource.Properties.BucketName, target)}`;
    }
    if (resource.Type === 'AWS::IAM::Role' && resource.Properties?.RoleName) {
      const path = (resource.Properties.Path as string | undefined) ?? '/';
      return `arn:${partition}:iam::${target.account}:role${path}${resolveValue(template, resource.Properties.RoleName, target)}`;
    }
  }
  return fail();
}

/** The S3 flow logs of a template. */
export function s3FlowLogs(template: CfnTemplate): CfnResource[] {
  return Object.values(template.Resources ?? {}).filter(
    (r) => r.Type === 'AWS::EC2::FlowLog' && r.Properties?.LogDestinationType === 's3',
  );
}

/**
 * Bucket name and folder of the template's one S3 flow log: its LogDestination is the ARN
 * arn:<partition>:s3:::<bucket>/<folder>/ (Wazuh's <path> is the folder).
 */
export function flowLogS3Destination(template: CfnTemplate, target: DeployTarget): { bucketName: string; path: string } {
  const flowLogs = s3FlowLogs(template);
  if (flowLogs.length !== 1) throw new Error(`Expected one flow log to S3 in the template, found ${flowLogs.length}`);
  const arn = resolveValue(template, flowLogs[0].Properties!.LogDestination, target);
  const m = /^arn:[a-z-]+:s3:::([^/]+)\/?(.*?)\/?$/.exec(arn);
  if (!m) throw new Error(`The flow log's LogDestination ${arn} is not an S3 ARN`);
  return { bucketName: m[1], path: m[2] };
}

/** ARN of the Wazuh reader role, if the template outputs one. */
export function wazuhRoleArn(template: CfnTemplate, target: DeployTarget): string | undefined {
  const output = template.Outputs?.[WAZUH_ROLE_OUTPUT];
  return output ? resolveValue(template, output.Value, target) : undefined;
}
