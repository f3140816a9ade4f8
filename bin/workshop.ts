#!/usr/bin/env node
/** Entry: read the configuration from CDK context, build the stacks. */
import { App } from 'aws-cdk-lib';
import { loadConfig, unknownContextKeys, unknownSettingProblem, WorkshopConfigError } from '../lib/config/load-config';
import { buildWorkshopApp } from '../lib/workshop-app';

const app = new App();
try {
  const typos = unknownContextKeys(Object.keys(app.node.getAllContext()));
  if (typos.length > 0) throw new WorkshopConfigError(typos.map(unknownSettingProblem));
  buildWorkshopApp(app, loadConfig((key) => app.node.tryGetContext(key)));
} catch (e) {
  if (e instanceof WorkshopConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
