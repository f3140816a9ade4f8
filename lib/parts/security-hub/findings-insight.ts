import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';
import { WORKSHOP_INSIGHT } from '../../config/security-hub';

export interface FindingsInsightProps {
  /** The hub's custom resource: the insight is created after it and deleted before it. */
  readonly hub: Construct;
}

/**
 * The custom insight "workshop findings by resource": findings on resources with the workshop's
 * tag, grouped by resource. AWS::SecurityHub::Insight is enough here: it belongs to this stack
 * alone (nothing to adopt), and it goes before the hub on destroy.
 */
export class FindingsInsight extends Construct {
  public readonly insightArn: string;

  constructor(scope: Construct, id: string, props: FindingsInsightProps) {
    super(scope, id);
    const insight = new securityhub.CfnInsight(this, 'Insight', {
      name: WORKSHOP_INSIGHT.name,
      groupByAttribute: WORKSHOP_INSIGHT.groupByAttribute,
      filters: {
        resourceTags: WORKSHOP_INSIGHT.filters.ResourceTags.map((t) => ({ key: t.Key, value: t.Value, comparison: t.Comparison })),
      },
    });
    insight.node.addDependency(props.hub);
    this.insightArn = insight.attrInsightArn;
  }
}
