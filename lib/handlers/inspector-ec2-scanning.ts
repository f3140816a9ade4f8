/**
 * Custom resource: Amazon Inspector (v2) EC2 scanning for the own account. Enabled on
 * Create unless it already is (ENABLED or ENABLING), and disabled on Delete only if this
 * stack enabled it.
 *
 * Properties: none
 * PhysicalResourceId: 'inspector2-ec2:enabled-by-stack' | 'inspector2-ec2:preexisting'
 * Data: { EnabledByStack: 'true' | 'false' }
 */
import {
  BatchGetAccountStatusCommand,
  DisableCommand,
  EnableCommand,
  Inspector2Client,
} from '@aws-sdk/client-inspector2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, lambdaHandler, OnEventResult } from './custom-resource';

export interface InspectorEc2ScanningClients {
  inspector2: Inspector2Client;
  sts: STSClient;
}

const ENABLED_BY_STACK = 'inspector2-ec2:enabled-by-stack';
const PREEXISTING = 'inspector2-ec2:preexisting';

type Failed = { accountId?: string; errorCode?: string; errorMessage?: string }[] | undefined;

function checkFailed(operation: string, failed: Failed): void {
  if (failed?.length) {
    throw new Error(`${operation} failed: ${failed.map((f) => `${f.accountId}: ${f.errorCode}: ${f.errorMessage}`).join('; ')}`);
  }
}

const result = (id: string): OnEventResult => ({
  PhysicalResourceId: id,
  Data: { EnabledByStack: String(id === ENABLED_BY_STACK) },
});

export async function onEvent(
  event: CustomResourceEvent<Record<string, never>>,
  clients?: InspectorEc2ScanningClients,
): Promise<OnEventResult> {
  const { inspector2, sts } = clients ?? { inspector2: new Inspector2Client(clientConfig()), sts: new STSClient(clientConfig()) };
  const physicalId = event.PhysicalResourceId ?? event.LogicalResourceId;
  if (event.RequestType === 'Update') return result(physicalId);
  if (event.RequestType === 'Delete' && physicalId !== ENABLED_BY_STACK) return { PhysicalResourceId: physicalId };

  const { Account } = await call('STS GetCallerIdentity', sts.send(new GetCallerIdentityCommand({})));
  const accountIds = [Account!];
  if (event.RequestType === 'Delete') {
    const out = await call('Inspector2 Disable', inspector2.send(new DisableCommand({ accountIds, resourceTypes: ['EC2'] })));
    checkFailed('Inspector2 Disable', out.failedAccounts);
    return { PhysicalResourceId: physicalId };
  }
  const status = await call('Inspector2 BatchGetAccountStatus', inspector2.send(new BatchGetAccountStatusCommand({ accountIds })));
  checkFailed('Inspector2 BatchGetAccountStatus', status.failedAccounts);
  const ec2 = status.accounts?.find((a) => a.accountId === Account)?.resourceState?.ec2?.status;
  if (ec2 === 'ENABLED' || ec2 === 'ENABLING') return result(PREEXISTING);
  const out = await call('Inspector2 Enable', inspector2.send(new EnableCommand({ accountIds, resourceTypes: ['EC2'] })));
  checkFailed('Inspector2 Enable', out.failedAccounts);
  return result(ENABLED_BY_STACK);
}

export const handler = lambdaHandler(onEvent);
