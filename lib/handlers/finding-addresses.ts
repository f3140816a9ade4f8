/**
 * What the auto-block handler reads from a GuardDuty finding and which addresses it may block:
 * plain functions, shared by the handler and its tests.
 */
/** An IPv4 address as a 32-bit number, or undefined when the text is not one. */
export function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m || m.slice(1).some((o) => Number(o) > 255 || (o.length > 1 && o.startsWith('0')))) return undefined;
  return m.slice(1).reduce((n, o) => n * 256 + Number(o), 0);
}

export function inCidr(address: number, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const start = ipv4(base);
  const size = 2 ** (32 - Number(bits));
  return start !== undefined && address >= start - (start % size) && address < start - (start % size) + size;
}

/**
 * Never blocked: this-network, private (RFC 1918), shared (RFC 6598), loopback, link-local, IETF
 * protocol assignments, benchmarking, multicast, reserved and broadcast. The documentation ranges
 * (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) stay blockable: nothing routes them, so the demo
 * blocks one without touching a real host.
 */
export const NOT_PUBLIC = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4'];

/** Why the address is not blocked, or undefined when it may be. */
export function notBlockable(address: string, exemptCidrs: readonly string[] = []): string | undefined {
  const n = ipv4(address);
  if (n === undefined) return 'not an IPv4 address';
  if (NOT_PUBLIC.some((c) => inCidr(n, c))) return 'private or reserved';
  const exempt = exemptCidrs.find((c) => inCidr(n, c));
  return exempt ? `exempt (${exempt})` : undefined;
}

/** The remote IPv4 addresses of a GuardDuty finding: network connection, port probe and API call actions. */
export function remoteAddresses(detail: any): string[] {
  const action = detail?.service?.action ?? {};
  const found = [
    action.networkConnectionAction?.remoteIpDetails?.ipAddressV4,
    ...(action.portProbeAction?.portProbeDetails ?? []).map((d: any) => d?.remoteIpDetails?.ipAddressV4),
    action.awsApiCallAction?.remoteIpDetails?.ipAddressV4,
  ];
  return [...new Set(found.filter((a): a is string => typeof a === 'string' && a.length > 0))];
}

/**
 * A GuardDuty sample finding (CreateSampleFindings): `service.additionalInfo.sample` true, or, in the
 * shape GuardDuty's current findings carry, `service.additionalInfo.value` a JSON text with "sample": true.
 */
export function isSampleFinding(detail: any): boolean {
  const info = detail?.service?.additionalInfo;
  if (info?.sample === true) return true;
  if (typeof info?.value !== 'string') return false;
  try {
    return JSON.parse(info.value)?.sample === true;
  } catch {
    return false;
  }
}
