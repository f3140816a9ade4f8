import { App, DefaultStackSynthesizer, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { WorkshopConfig, workshopNames } from './config/workshop-config';
import { WorkshopStack } from './workshop-stack';

/**
 * The app: one stack, named by stackPrefix, with every part of the workshop; cdk-nag's
 * AwsSolutions checks run as a validation plugin in every synth. Its template stands alone: no
 * assets, no nested stacks, no dependency on the CDK bootstrap (see README "One template for
 * every account").
 */
export function buildWorkshopApp(app: App, config: WorkshopConfig): WorkshopStack {
  const stack = new WorkshopStack(app, workshopNames(config).stack, {
    // Account: whatever the CLI's credentials say at deploy time; the template is account-agnostic.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.region },
    config,
    // No BootstrapVersion parameter (an SSM parameter of the CDK bootstrap stack) and no
    // CheckBootstrapVersion rule: the same template deploys in accounts that were never
    // bootstrapped (StackSets, a workshop platform, a console upload). `cdk deploy` keeps the
    // bootstrap's deploy role, and the CLI checks the bootstrap version for that role itself;
    // with no assets the template needs nothing else from the bootstrap.
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
    description: "AWS Security logging, monitoring and incident response workshop: one participant's environment",
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
