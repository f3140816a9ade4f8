import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { InlineCustomResource } from '../../constructs/inline-custom-resource';
import { LogSettings } from '../../constructs/workshop-key';

export interface DetectiveGraphProps {
  readonly logs: LogSettings;
}

/**
 * An Amazon Detective behavior graph (day 2, the Detective demo; behind the `detective` setting,
 * billed per GB ingested). AWS::Detective::Graph fails where the account has one and would delete
 * it on destroy: a custom resource adopts an existing graph (left on destroy) or creates one
 * (deleted on destroy).
 */
export class DetectiveGraph extends Construct {
  public readonly graphArn: string;
  /** 'true' when the graph existed before the stack. */
  public readonly adopted: string;

  constructor(scope: Construct, id: string, props: DetectiveGraphProps) {
    super(scope, id);
    const graph = new InlineCustomResource(this, 'AdoptOrCreate', {
      handler: 'detective-graph',
      properties: {},
      logs: props.logs,
      statements: [
        new iam.PolicyStatement({ actions: ['detective:ListGraphs', 'detective:CreateGraph'], resources: ['*'] }),
        new iam.PolicyStatement({ actions: ['detective:DeleteGraph'], resources: [`arn:${Aws.PARTITION}:detective:${Aws.REGION}:${Aws.ACCOUNT_ID}:graph:*`] }),
      ],
      wildcardReasons: {
        'Resource::*': 'detective:ListGraphs and detective:CreateGraph support no resource-level permissions.',
        'Resource::arn:<AWS::Partition>:detective:<AWS::Region>:<AWS::AccountId>:graph:*':
          'The graph id is only known at deploy time (adopted or created); limited to this account and region.',
      },
    });
    this.graphArn = graph.getAtt('GraphArn');
    this.adopted = graph.getAtt('Adopted');
  }
}
