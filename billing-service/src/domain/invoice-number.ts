/**
 * Invoice numbers: BIL-<year>-<number>, the number sequential within the calendar year of the
 * issue date, from 1, without gaps (French invoicing law), at least six digits.
 */
export function formatInvoiceRef(year: number, number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`invoice number ${number} is not a positive integer`);
  return `BIL-${year}-${String(number).padStart(6, '0')}`;
}

/** The numbering year of an invoice issued on `issueDate` (YYYY-MM-DD). */
export function numberingYearOf(issueDate: string): number {
  return Number(issueDate.slice(0, 4));
}
