import type { VatBreakdownEntry } from './document';

/**
 * The VAT breakdown as EN 16931 wants it: one entry per rate for the taxed category S, but
 * exactly one entry for each untaxed category (BR-E-01, BR-Z-01, BR-O-01) whatever its lines'
 * reasons. Billing keeps an entry per exemption reason (an exempt flight and a margin-scheme
 * package, say), which is what its PDF prints; here those entries become one, with their
 * amounts summed, their reason texts joined, and their reason code kept only when they share it.
 */
export function oneEntryPerUntaxedCategory(entries: readonly VatBreakdownEntry[]): VatBreakdownEntry[] {
  const merged: VatBreakdownEntry[] = [];
  const untaxed = new Map<string, VatBreakdownEntry[]>();
  for (const entry of entries) {
    if (entry.vat.categoryCode === 'S') merged.push(entry);
    else untaxed.set(entry.vat.categoryCode, [...(untaxed.get(entry.vat.categoryCode) ?? []), entry]);
  }
  for (const group of untaxed.values()) merged.push(mergeEntries(group));
  return merged;
}

function mergeEntries(group: readonly VatBreakdownEntry[]): VatBreakdownEntry {
  const [first] = group;
  if (!first || group.length === 1) return first as VatBreakdownEntry;
  const codes = new Set(group.map((entry) => entry.vat.exemptionReasonCode));
  const reasons = [...new Set(group.map((entry) => entry.vat.exemptionReason).filter((reason): reason is string => reason !== null && reason !== ''))];
  return {
    vat: {
      ...first.vat,
      exemptionReasonCode: codes.size === 1 ? first.vat.exemptionReasonCode : null,
      exemptionReason: reasons.length > 0 ? reasons.join('; ') : null,
    },
    baseMinor: group.reduce((sum, entry) => sum + entry.baseMinor, 0),
    taxMinor: group.reduce((sum, entry) => sum + entry.taxMinor, 0),
  };
}
