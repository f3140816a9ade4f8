import { normaliseTemplate, PARTS, resourcesOfPart, synthesized as synthesizedApp } from './support/synthesized';

// One snapshot per workshop part (the one template's resources filtered by construct path), and
// one of the rest (parameters, outputs, rules), so that a change shows where it landed. Asset
// hashes masked; `npx jest -u` after checking the diff.
describe('the template, by part', () => {
  const synthesized = synthesizedApp();
  const { template } = synthesized;
  test.each([...PARTS])('%s', (part) => {
    expect(normaliseTemplate(resourcesOfPart(synthesized, part))).toMatchSnapshot();
  });

  test('every resource belongs to a part', () => {
    const all = Object.keys(template.toJSON().Resources);
    const inParts = PARTS.flatMap((p) => Object.keys(resourcesOfPart(synthesized, p)));
    expect(inParts.sort()).toEqual(all.sort());
  });

  test('parameters, outputs and rules', () => {
    const { Resources: _resources, ...rest } = template.toJSON();
    expect(normaliseTemplate(rest)).toMatchSnapshot();
  });
});
