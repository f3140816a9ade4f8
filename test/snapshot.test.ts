import { Template } from 'aws-cdk-lib/assertions';
import { normaliseTemplate, synthWorkshop } from './support/synth';

// One snapshot per stack, asset hashes masked. A change to a template shows here for review
// (`npx jest -u` after checking the diff).
describe('templates', () => {
  const { stacks } = synthWorkshop();
  test.each(stacks.all.map((s) => [s.stackName, s] as const))('%s', (_name, stack) => {
    expect(normaliseTemplate(Template.fromStack(stack))).toMatchSnapshot();
  });
});
