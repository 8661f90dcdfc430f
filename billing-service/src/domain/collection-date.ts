import { addDays } from './billing-period';
import { onOrAfterTarget2BusinessDay } from './target2-calendar';

/**
 * The day an invoice's direct debit is collected, decided once when it is issued and carried
 * by its event, so that the e-mail (the SEPA pre-notification), the PDF and the payment
 * service all say and do the same date. The due date, unless the pre-notification, sent on
 * the issue date, would reach the customer fewer than `prenotificationDays` before it; then
 * moved forward to a TARGET2 business day, since the banks settle no debit on the others.
 */
export function collectionDateOf(invoice: { issueDate: string; dueDate: string }, prenotificationDays: number): string {
  const earliest = addDays(invoice.issueDate, prenotificationDays);
  return onOrAfterTarget2BusinessDay(invoice.dueDate < earliest ? earliest : invoice.dueDate);
}
