/** What the StackSet suites share: the self-managed roles' names and the administration role in the admin account. */
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { Emulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';

export const EXECUTION_ROLE = 'AWSCloudFormationStackSetExecutionRole';
export const ADMIN_ROLE = 'AWSCloudFormationStackSetAdministrationRole';

/** AWSCloudFormationStackSetAdministrationRole in the emulator's default (admin) account, trusted by CloudFormation. */
export async function createAdministrationRole(emu: Emulator): Promise<void> {
  const iam = new IAMClient(emulatorConfig(emu));
  try {
    await iam.send(new CreateRoleCommand({
      RoleName: ADMIN_ROLE,
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }));
  } finally {
    iam.destroy();
  }
}
