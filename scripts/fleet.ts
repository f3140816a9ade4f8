/**
 * npm run fleet -- deploy | status | verify | leftovers | destroy --roster FILE, or roles
 *
 * A room of participants, one AWS account each, through a CloudFormation StackSet named after
 * stackPrefix (self-managed with the roster's accounts, or service-managed over --ou). See
 * scripts/fleet/cli.ts for the flags and README "Running a room".
 */
import { runCommand } from './operator/command';
import { runFleet } from './fleet/run';

runCommand(() => runFleet(process.argv.slice(2)), { drain: true });
