/**
 * A template value as CloudFormation resolves it when the stack is created without parameter
 * values (plain `cdk deploy`): Ref of a template parameter -> its Default, Fn::Join joined,
 * Fn::If by its condition at the defaults. Pseudo parameters and resources stay as ${Ref}.
 * So tests can state the literal names a default deploy creates (workshop-RO, ...).
 */
import { Template } from 'aws-cdk-lib/assertions';

export function atDefaults(template: Template, value: unknown): unknown {
  const json = template.toJSON();
  const parameters = (json.Parameters ?? {}) as Record<string, { Default?: unknown }>;
  const conditions = (json.Conditions ?? {}) as Record<string, unknown>;
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (typeof v !== 'object' || v === null) return v;
    const o = v as Record<string, unknown>;
    if ('Ref' in o) {
      const ref = String(o.Ref);
      return ref in parameters && !ref.startsWith('AWS::') ? parameters[ref].Default : `\${${ref}}`;
    }
    if ('Fn::Join' in o) {
      const [separator, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).map(String).join(separator);
    }
    if ('Fn::If' in o) {
      const [condition, yes, no] = o['Fn::If'] as [string, unknown, unknown];
      return holds(conditions[condition]) ? resolve(yes) : resolve(no);
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolve(x)]));
  };
  const holds = (c: unknown): boolean => {
    const o = c as Record<string, unknown>;
    if ('Fn::Not' in o) return !holds((o['Fn::Not'] as unknown[])[0]);
    if ('Fn::Equals' in o) {
      const [a, b] = (o['Fn::Equals'] as unknown[]).map(resolve);
      return a === b;
    }
    if ('Condition' in o) return holds(conditions[String(o.Condition)]);
    throw new Error(`condition not handled: ${JSON.stringify(c)}`);
  };
  return resolve(value);
}
