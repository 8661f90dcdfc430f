import type { IsoDate, Mandate } from './contract';

/** SEPA rulebook: a mandate with no collection presented for 36 months lapses; the creditor must not use it any more. */
export const MANDATE_UNUSED_MONTHS = 36;

/** The day a mandate was last used: its last successful collection, else its signature. */
export function lastUseOf(mandate: Pick<Mandate, 'lastCollectedOn' | 'signedAt'>): IsoDate | null {
  return mandate.lastCollectedOn ?? mandate.signedAt;
}

/** The first day an ACTIVE mandate unused since `lastUse` is lapsed: 36 months later (the end of the month when that day does not exist). */
export function lapseDateOf(lastUse: IsoDate): IsoDate {
  const [year, month, day] = lastUse.split('-').map(Number) as [number, number, number];
  const months = year * 12 + (month - 1) + MANDATE_UNUSED_MONTHS;
  const lapseYear = Math.floor(months / 12);
  const lapseMonth = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(lapseYear, lapseMonth, 0)).getUTCDate();
  return `${String(lapseYear).padStart(4, '0')}-${String(lapseMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** Whether an ACTIVE mandate has lapsed by `today`; a pending or revoked one never lapses (there is nothing left to use). */
export function hasLapsed(mandate: Pick<Mandate, 'status' | 'lastCollectedOn' | 'signedAt'>, today: IsoDate): boolean {
  const lastUse = lastUseOf(mandate);
  return mandate.status === 'ACTIVE' && lastUse !== null && lapseDateOf(lastUse) <= today;
}

export function lapseReasonOf(mandate: Pick<Mandate, 'lastCollectedOn' | 'signedAt'>): string {
  const lastUse = lastUseOf(mandate);
  const since = mandate.lastCollectedOn ? `its last collection on ${lastUse}` : `its signature on ${lastUse}`;
  return `Expired: no collection for ${MANDATE_UNUSED_MONTHS} months since ${since} (SEPA rulebook); a new mandate must be signed.`;
}
