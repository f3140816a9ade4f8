import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';

export interface WebTierHttpsProps {
  /** web.example.com: the certificate's name and the alias record's. */
  readonly domainName: string;
  /** The public hosted zone of domainName. */
  readonly hostedZoneId: string;
}

/**
 * "Certificate Manager": a DNS-validated ACM certificate for the domain (CloudFormation writes the
 * validation record into the hosted zone and waits for ACM to issue it), and once the load
 * balancer exists an alias A record of the domain to it.
 */
export class WebTierHttps extends Construct {
  public readonly certificate: acm.CfnCertificate;
  public readonly certificateArn: string;
  public readonly url: string;
  public aliasRecord?: route53.CfnRecordSet;
  private readonly props: WebTierHttpsProps;

  constructor(scope: Construct, id: string, props: WebTierHttpsProps) {
    super(scope, id);
    this.props = props;
    this.certificate = new acm.CfnCertificate(this, 'Certificate', {
      domainName: props.domainName,
      validationMethod: 'DNS',
      domainValidationOptions: [{ domainName: props.domainName, hostedZoneId: props.hostedZoneId }],
    });
    this.certificateArn = this.certificate.ref;
    this.url = `https://${props.domainName}`;
  }

  /** The domain's alias A record to the load balancer (evaluating its target health). */
  public aliasTo(loadBalancer: elbv2.CfnLoadBalancer): route53.CfnRecordSet {
    this.aliasRecord = new route53.CfnRecordSet(this, 'AliasRecord', {
      hostedZoneId: this.props.hostedZoneId,
      name: this.props.domainName,
      type: 'A',
      aliasTarget: { dnsName: loadBalancer.attrDnsName, hostedZoneId: loadBalancer.attrCanonicalHostedZoneId, evaluateTargetHealth: true },
    });
    return this.aliasRecord;
  }
}
