/** Service quotas the checks compare with, read or (when unreadable) AWS's defaults. */
import { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { errorName } from '../operator/errors';

/** AWS's default quotas, used when Service Quotas cannot be read. */
export const DEFAULT_QUOTAS = {
  elasticIps: { serviceCode: 'ec2', quotaCode: 'L-0263D0A3', name: 'EC2-VPC Elastic IPs', value: 5 },
  vpcs: { serviceCode: 'vpc', quotaCode: 'L-F678F1CE', name: 'VPCs per Region', value: 5 },
  natPerAz: { serviceCode: 'vpc', quotaCode: 'L-FE5A380F', name: 'NAT gateways per Availability Zone', value: 5 },
} as const;

export interface Quota {
  readonly value: number;
  /** 'service-quotas' when read, else why the default was assumed. */
  readonly source: string;
}

export async function readQuota(quotas: ServiceQuotasClient, q: { serviceCode: string; quotaCode: string; value: number }): Promise<Quota> {
  try {
    const out = await quotas.send(new GetServiceQuotaCommand({ ServiceCode: q.serviceCode, QuotaCode: q.quotaCode }));
    const value = out.Quota?.Value;
    if (typeof value === 'number') return { value, source: `Service Quotas ${q.quotaCode}` };
    return { value: q.value, source: `default ${q.value} assumed (Service Quotas returned no value for ${q.quotaCode})` };
  } catch (e) {
    return { value: q.value, source: `default ${q.value} assumed (Service Quotas ${q.quotaCode} not readable: ${errorName(e)})` };
  }
}

export const quotaAction = (q: { serviceCode: string; quotaCode: string }, region: string) =>
  `request an increase: aws service-quotas request-service-quota-increase --service-code ${q.serviceCode} --quota-code ${q.quotaCode} --desired-value <n> --region ${region}`;
