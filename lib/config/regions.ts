/**
 * The regions the app supports, with the letters of the Availability Zones each offers to every
 * account (AWS's "Regions and Zones" table). The workshop needs three AZs (subnets a, b and c),
 * GuardDuty and Inspector: us-west-1 offers new accounts only two AZs, so it is not here.
 * Some regions skip a letter: ca-central-1 has a, b, d; ap-northeast-1 has a, c, d.
 */
export const REGION_ZONES = {
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-west-2': 'abcd',
  'ca-central-1': 'abd',
  'eu-west-1': 'abc',
  'eu-west-2': 'abc',
  'eu-west-3': 'abc',
  'eu-central-1': 'abc',
  'eu-central-2': 'abc',
  'eu-north-1': 'abc',
  'eu-south-1': 'abc',
  'eu-south-2': 'abc',
  'ap-northeast-1': 'acd',
  'ap-northeast-2': 'abcd',
  'ap-northeast-3': 'abc',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
  'ap-southeast-3': 'abc',
  'ap-southeast-4': 'abc',
  'ap-south-1': 'abc',
  'ap-south-2': 'abc',
  'ap-east-1': 'abc',
  'sa-east-1': 'abc',
  'me-south-1': 'abc',
  'me-central-1': 'abc',
  'af-south-1': 'abc',
  'il-central-1': 'abc',
} as const satisfies Record<string, string>;

export type SupportedRegion = keyof typeof REGION_ZONES;

/** The AZ names a supported region offers, e.g. us-east-2a, us-east-2b, us-east-2c; [] for another region. */
export function zonesOf(region: string): string[] {
  const letters: string = (REGION_ZONES as Record<string, string>)[region] ?? '';
  return [...letters].map((l) => `${region}${l}`);
}

/** The partition of a region: aws-cn for cn-*, aws-us-gov for us-gov-*, aws for the commercial regions. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The longest supported region name: derived names that hold the region are checked with it (one template, any region). */
export const LONGEST_REGION = Object.keys(REGION_ZONES).reduce((a, b) => (b.length > a.length ? b : a));
