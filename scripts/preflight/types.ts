/** What a preflight check is and what it reports. */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import type { AwsClients } from '../operator/clients';
import { errorMessage, errorName } from '../operator/errors';

export type Level = 'BLOCKER' | 'WARN' | 'INFO';

export interface Finding {
  readonly level: Level;
  /** Short name of the check: "Elastic IPs", "AMI parameters", ... */
  readonly check: string;
  readonly found: string;
  /** What to do; '' when nothing. */
  readonly action: string;
}

/** The clients the checks read with. */
export type PreflightClients = Pick<
  AwsClients,
  'ec2' | 'quotas' | 'ssm' | 'guardduty' | 'inspector2' | 'sts' | 'cloudtrail' | 'iam' | 'logs' | 'athena' | 'glue' | 'cfn' | 'securityhub' | 'configService' | 'detective' | 'elbv2' | 'wafv2' | 'route53'
>;

export interface PreflightContext {
  readonly config: WorkshopConfig;
  readonly c: PreflightClients;
  /** The caller's account (from the identity check). */
  readonly account?: string;
}

/** One check (one file under ./checks): its findings go to `out`; a throw becomes a WARN "could not check". */
export interface PreflightCheck {
  /** Short name, as in its findings. */
  readonly check: string;
  run(ctx: PreflightContext, out: Finding[]): Promise<void>;
}

/** The finding of a read that failed: "<call> failed: <error>", and what to do. */
export function callFailed(level: Level, check: string, call: string, e: unknown, action: string): Finding {
  return { level, check, found: `${call} failed: ${errorName(e)}: ${errorMessage(e)}`, action };
}
