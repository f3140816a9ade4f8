/**
 * What a verify part is (one file per workshop part under ./parts, in the style of cdk-nag's one
 * rule per file): the rows it expects from the config, and how it reads them back.
 */
import type { WorkshopConfig } from '../../lib/config/workshop-config';
import { DeployTarget, resourceLabels, ResourceLabels } from './labels';
import type { Observer } from './observer';
import { EXISTS, ExpectedRow, ResourceKind } from './types';

/** What every part's rows are built from. */
export interface Scope {
  readonly config: WorkshopConfig;
  readonly target: DeployTarget;
  readonly labels: ResourceLabels;
  readonly names: ResourceLabels['names'];
  /** arn:<partition>:<service>:<region>:<account>:<resource> */
  arn(service: string, resource: string): string;
}

export function scopeOf(config: WorkshopConfig, target: DeployTarget): Scope {
  const labels = resourceLabels(config, target);
  return {
    config,
    target,
    labels,
    names: labels.names,
    arn: (service, resource) => `arn:${target.partition}:${service}:${config.region}:${target.account}:${resource}`,
  };
}

export type Attribute = [attribute: string, expected: string | number | boolean, alsoAccept?: readonly string[], handsOn?: string | null];

/** A resource's rows: `exists`, then one per attribute. */
export function resourceRows(kind: ResourceKind, resource: string, attrs: readonly Attribute[] = []): ExpectedRow[] {
  return [
    { kind, resource, attribute: EXISTS, expected: 'yes' },
    ...attrs.map(([attribute, expected, alsoAccept, handsOn]) => ({
      kind,
      resource,
      attribute,
      expected: String(expected),
      ...(alsoAccept ? { alsoAccept } : {}),
      ...(handsOn !== undefined ? { handsOn } : {}),
    })),
  ];
}

/** The same rows, marked as the app's own choice (`why`): the hands-on check leaves them out. */
export function appOnly(rows: readonly ExpectedRow[], why: string): ExpectedRow[] {
  return rows.map((r) => ({ ...r, appOnly: why }));
}

export interface VerifyPart {
  /** The workshop part, as in lib/parts/ (plus "stack" for the stack itself). */
  readonly part: string;
  /** The rows this part expects, in the order they are shown. */
  expectedRows(scope: Scope): ExpectedRow[];
  /** Reads this part back into the observer (parts run in order: later parts may use what earlier ones found). */
  observe(o: Observer): Promise<void>;
}
