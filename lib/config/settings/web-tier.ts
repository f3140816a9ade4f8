/** Validation of the day-2 protect settings (web tier capacity and instance type, HTTPS domain). */
import { ELB_NAME_MAX, webTierNames } from '../web-tier';
import { INSTANCE_FAMILIES, isKnownInstanceType, WorkshopConfig } from '../workshop-config';

type Bad = (setting: string, value: unknown, allowed: string) => void;

/** The Auto Scaling group's bounds: two zones at least (high availability), a workshop-sized ceiling. */
export const WEB_TIER_MIN_CAPACITY = 2;
export const WEB_TIER_MAX_CAPACITY = 12;

/** A public DNS name: labels of a-z, 0-9 and hyphens (not at either end), at least two labels, 253 characters at most. */
export const DOMAIN_NAME_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A Route 53 hosted zone id: Z and upper-case letters and digits (up to 32 characters). */
export const HOSTED_ZONE_ID_PATTERN = /^Z[A-Z0-9]{1,31}$/;

const wholeNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function validateWebTierSettings(c: WorkshopConfig, bad: Bad): void {
  const { minCapacity, maxCapacity, instanceType } = c.webTier ?? ({} as WorkshopConfig['webTier']);
  const minOk = wholeNumber(minCapacity) && minCapacity >= WEB_TIER_MIN_CAPACITY && minCapacity <= WEB_TIER_MAX_CAPACITY;
  if (!minOk) {
    bad('webTierMinCapacity', minCapacity, `must be a whole number from ${WEB_TIER_MIN_CAPACITY} (instances in two zones at least) to ${WEB_TIER_MAX_CAPACITY}`);
  }
  if (!wholeNumber(maxCapacity) || maxCapacity > WEB_TIER_MAX_CAPACITY || maxCapacity < WEB_TIER_MIN_CAPACITY) {
    bad('webTierMaxCapacity', maxCapacity, `must be a whole number from ${WEB_TIER_MIN_CAPACITY} to ${WEB_TIER_MAX_CAPACITY}, and at least webTierMinCapacity`);
  } else if (minOk && maxCapacity < minCapacity) {
    bad('webTierMaxCapacity', maxCapacity, `must be at least webTierMinCapacity (${minCapacity})`);
  }
  if (typeof instanceType !== 'string' || !isKnownInstanceType(instanceType)) {
    bad('webTierInstanceType', instanceType, `must be an x86_64 instance type of families ${INSTANCE_FAMILIES.join(', ')} (t2/t3/t3a nano..2xlarge, others large..2xlarge), e.g. t3.micro`);
  }

  const { domainName, hostedZoneId } = c;
  if (domainName !== undefined && (typeof domainName !== 'string' || !DOMAIN_NAME_PATTERN.test(domainName))) {
    bad('domainName', domainName, 'must be a lower-case DNS name of two labels or more, such as web.example.com (the certificate and the alias record are for it)');
  }
  if (hostedZoneId !== undefined && (typeof hostedZoneId !== 'string' || !HOSTED_ZONE_ID_PATTERN.test(hostedZoneId))) {
    bad('hostedZoneId', hostedZoneId, 'must be a Route 53 hosted zone id: Z followed by upper-case letters and digits, such as Z0123456789ABCDEFGHIJ');
  }
  if ((domainName === undefined) !== (hostedZoneId === undefined)) {
    const [given, missing] = domainName === undefined ? ['hostedZoneId', 'domainName'] : ['domainName', 'hostedZoneId'];
    bad(missing, undefined, `must be set together with ${given} (HTTPS needs the domain and its public hosted zone), or leave both unset for HTTP only`);
  }

  if (c.day2 === true && typeof c.stackPrefix === 'string') {
    const names = webTierNames(c);
    for (const [what, name] of [['load balancer', names.loadBalancer], ['target group', names.targetGroup]] as const) {
      if (name.length > ELB_NAME_MAX) {
        bad('stackPrefix', c.stackPrefix, `gives the day-2 ${what} name "${name}" of ${name.length} characters; Elastic Load Balancing allows at most ${ELB_NAME_MAX}`);
      }
    }
  }
}
