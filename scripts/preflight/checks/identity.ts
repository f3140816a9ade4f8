/** Who and where: without working credentials nothing else can be checked (undefined then). */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { errorMessage, errorName } from '../../operator/errors';
import { Finding, PreflightContext } from '../types';

export async function checkIdentity({ config, c }: Omit<PreflightContext, 'account'>, out: Finding[]): Promise<{ account?: string } | undefined> {
  try {
    const id = await c.sts.send(new GetCallerIdentityCommand({}));
    out.push({ level: 'INFO', check: 'Target', found: `account ${id.Account}, region ${config.region}, as ${id.Arn}`, action: '' });
    return { account: id.Account };
  } catch (e) {
    out.push({
      level: 'BLOCKER',
      check: 'Target',
      found: `no usable AWS credentials for ${config.region}: ${errorName(e)}: ${errorMessage(e)}`,
      action: 'configure credentials (aws configure sso / AWS_PROFILE / environment variables) for the workshop account',
    });
    return undefined;
  }
}
