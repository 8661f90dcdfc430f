/** Share of its outstanding limit a contract uses, in per mille (integers: money is never a float here). */
export function limitUsagePerMille(outstanding: number, limit: number): number {
  if (limit <= 0) return outstanding > 0 ? 1000 : 0;
  return Math.max(0, Math.round((outstanding * 1000) / limit));
}

/** Rejected decisions over all decisions, in per mille. */
export function rejectionRatePerMille(accepted: number, rejected: number): number {
  const total = accepted + rejected;
  return total === 0 ? 0 : Math.round((rejected * 1000) / total);
}
