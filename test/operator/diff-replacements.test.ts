/**
 * `npm run diff` says which instances a deploy would replace: from the two synthesized templates,
 * without AWS (scripts/diff/replacements.ts).
 */
import { findReplacements, formatReplacements } from '../../scripts/diff/replacements';
import type { Templates } from '../../scripts/operator/template';
import { synthesized } from '../support/synthesized';

function templatesOf(context: Record<string, unknown>): Templates {
  const { stackName, template } = synthesized(context);
  return { [stackName]: template.toJSON() };
}

describe('instances a deploy would replace', () => {
  const base = templatesOf({});

  test('a redeploy of the same app replaces nothing; a new instance type is no replacement (stop and start)', () => {
    expect(findReplacements(base, templatesOf({}))).toEqual([]);
    expect(findReplacements(base, templatesOf({ webserverInstanceType: 't3.small' }))).toEqual([]);
    expect(formatReplacements([])).toEqual(['Instances this deploy would replace (new instance: new addresses, state on the old one lost):', '  none']);
  });

  test('a new imageSet: the three instances may be replaced, because their ImageId comes from the pinned images', () => {
    const found = findReplacements(base, templatesOf({ imageSet: '2026-12-01' }));
    expect(found.map((r) => [r.name, r.replacement])).toEqual([
      ['webserver-001-default-vpc', 'Conditional'],
      ['Ubuntu-instance-001-no-updates', 'Conditional'],
      ['Windows-instance-001', 'Conditional'],
    ]);
    for (const r of found) expect(r.reasons).toEqual([expect.stringMatching(/^ImageId comes from ComputeImages\w+ \(Custom::PinnedImages\) changes: ImageSet "initial" → "2026-12-01"$/)]);
    expect(formatReplacements(found)[1]).toMatch(/^ {2}MAY BE REPLACED SecurityWorkshop ComputeWebserver\w+ \(webserver-001-default-vpc\): ImageId comes from/);
  });

  test('a literal change of a replacing property: Replacement True', () => {
    const changed: Templates = JSON.parse(JSON.stringify(base));
    const template = Object.values(changed)[0];
    const [id, instance] = Object.entries(template.Resources!).find(([, r]) => r.Type === 'AWS::EC2::Instance')!;
    instance.Properties!.ImageId = 'ami-0123456789abcdef0';
    const [found] = findReplacements(base, changed);
    expect(found).toMatchObject({ stack: 'SecurityWorkshop', resource: id, replacement: 'True', reasons: ['ImageId changes'] });
    expect(formatReplacements([found])[1]).toMatch(/^ {2}REPLACED SecurityWorkshop /);
  });
});
