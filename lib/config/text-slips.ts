/**
 * The workshop text's own slips: names a participant who follows the text literally gives, which
 * the checker (npm run check) accepts beside the corrected names and reports as found. The text
 * names all three public subnets Public-Subnet-a-..., all three private subnets
 * Private-Subnet-a-..., and its private route table step reads "Public-Route-Table-a ->
 * Public-Subnet-a-10-0-4" where the private route tables are meant.
 */
import { WorkshopConfig, workshopNames } from './workshop-config';

/** Corrected name -> the names the text's literal reading gives it (never one that another resource has). */
export function literalNames(config: WorkshopConfig): ReadonlyMap<string, readonly string[]> {
  const n = workshopNames(config);
  const firstLetter = n.publicSubnets[0].azLetter;
  const slips = new Map<string, string[]>();
  const add = (corrected: string, literal: string) => {
    if (literal !== corrected) slips.set(corrected, [...(slips.get(corrected) ?? []), literal]);
  };
  for (const s of [...n.publicSubnets, ...n.privateSubnets]) add(s.name, s.name.replace(`-Subnet-${s.azLetter}-`, `-Subnet-${firstLetter}-`));
  for (const rt of n.privateRouteTables) add(rt, rt.replace(/^Private-/, 'Public-'));
  return slips;
}
