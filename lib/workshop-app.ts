import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { WorkshopConfig, workshopNames } from './config/workshop-config';
import { WorkshopStack } from './workshop-stack';

/**
 * The app: one stack, named by stackPrefix, with every part of the workshop; cdk-nag's
 * AwsSolutions checks run as a validation plugin in every synth.
 */
export function buildWorkshopApp(app: App, config: WorkshopConfig): WorkshopStack {
  const stack = new WorkshopStack(app, workshopNames(config).stack, {
    // Account: whatever the CLI's credentials say at deploy time; the template is account-agnostic.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.region },
    config,
    description: "AWS Security logging, monitoring and incident response workshop: one participant's environment",
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
