/**
 * One line per wrong row that tells a participant what to do, in the workshop's words. A row with
 * no hint here shows what was expected and what was found, which is hint enough.
 */
import type { Scope } from '../verify/part';
import { ExpectedRow } from '../verify/types';

const ROUTE = 'route 0.0.0.0/0';

/** The resource's own name: "Route table Private-Route-Table-b" -> "Private-Route-Table-b". */
const ownName = (row: ExpectedRow) => row.resource.split(' ').pop() ?? row.resource;

export function hintFor(row: ExpectedRow, found: string, { config, names: n }: Scope): string | undefined {
  const name = ownName(row);
  const { expected } = row;
  if (found.startsWith('error:')) return `could not be read (${found}): do the credentials you check with allow reading it?`;
  switch (`${row.kind}|${row.attribute}`) {
    case `routeTable|${ROUTE}`:
      if (found === 'none') return `${name} has no route for 0.0.0.0/0: add one to ${expected}`;
      if (n.natGateways.includes(found) && n.natGateways.includes(expected) && config.natGateways === 3) {
        return `${name} sends 0.0.0.0/0 to ${found}; the workshop uses the NAT gateway of the same zone, ${expected}`;
      }
      if (found === n.internetGateway) return `${name} sends 0.0.0.0/0 to the internet gateway, which makes its subnet public; the workshop sends it to ${expected}`;
      return `${name} sends 0.0.0.0/0 to ${found}; the workshop sends it to ${expected}`;
    case 'routeTable|associated subnets':
      return `associate ${name} with ${expected} (Route table -> Subnet associations -> Edit), and only with it`;
    case 'subnet|AZ':
      return `a subnet cannot move: delete ${name} and create it again in ${expected}`;
    case 'subnet|CIDR':
    case 'vpc|CIDR':
      return `a CIDR cannot be edited: delete ${name} and create it again with ${expected}`;
    case 'subnet|MapPublicIpOnLaunch':
      return expected === 'true'
        ? `Subnet -> Actions -> Edit subnet settings -> enable auto-assign public IPv4 address (a public subnet's instances need one)`
        : `Subnet -> Actions -> Edit subnet settings -> turn off auto-assign public IPv4 address (a private subnet's instances get none)`;
    case 'vpc|DNS hostnames':
    case 'vpc|DNS support':
      return `VPC -> Actions -> Edit VPC settings -> enable ${row.attribute}`;
    case 'internetGateway|attached to':
      return `Internet gateway -> Actions -> Attach to VPC -> ${expected}`;
    case 'natGateway|subnet':
      return `a NAT gateway belongs in the public subnet of its zone: create ${name} again in ${expected}`;
    case 'flowLog|traffic type':
      return `the workshop captures ALL traffic (accepted and rejected): create the flow log again with filter All`;
    case 'logGroup|retention (days)':
      return `Log group -> Actions -> Edit retention setting -> ${expected} days`;
    case 'instance|instance profile':
      return `Instance -> Actions -> Security -> Modify IAM role -> ${expected} (Session Manager needs it)`;
    case 'instance|subnet':
      return `${name} is launched in ${expected} in the workshop: launch it again there`;
    case 'detector|status':
      return `turn it on (${row.resource}: ${expected})`;
    default:
      return undefined;
  }
}
