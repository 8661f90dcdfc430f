import type { billingInvoiceIssuedV1Event } from '@boissipay/contracts';

/** An issued invoice exactly as billing published it: the mailer keeps it to render it again later. */
export type Invoice = billingInvoiceIssuedV1Event.IssuedInvoice;
export type InvoiceLine = billingInvoiceIssuedV1Event.InvoiceLine;
export type InvoiceType = billingInvoiceIssuedV1Event.InvoiceType;

/** Who issues the invoices (configuration, not data of the event). */
export interface Seller {
  name: string;
  addressLines: readonly string[];
  vatNumber: string;
  sepaCreditorId: string;
  legalNotice: string;
}

export function documentTitleOf(invoice: Pick<Invoice, 'invoiceType'>): string {
  switch (invoice.invoiceType) {
    case 'INVOICE':
      return 'Invoice';
    case 'CREDIT_NOTE':
      return 'Credit note';
    default: {
      const unknown: never = invoice.invoiceType;
      return unknown;
    }
  }
}

/** What the customer is told about paying, on the PDF and in the e-mail alike. */
export type Settlement =
  | { kind: 'direct-debit'; amountMinor: number; collectionDate: string; mandateRef: string; maskedIban: string }
  | { kind: 'nothing-debited'; creditMinor: number }
  | { kind: 'pay-by-due-date'; amountMinor: number; dueDate: string };

/**
 * Billing decides whether a debit happens (`debitRequired`: false for a credit note or a
 * total of zero or less); the mailer only says so. An invoice to debit without a mandate on
 * file still has to be paid by its due date. A debit is announced for its collection date,
 * the day billing decided it is collected (the payment service debits it then): this e-mail is
 * the SEPA pre-notification. An invoice issued before collection dates existed is debited on
 * its due date.
 */
export function settlementOf(invoice: Invoice): Settlement {
  if (invoice.invoiceType === 'CREDIT_NOTE' || !invoice.debitRequired) {
    return { kind: 'nothing-debited', creditMinor: Math.max(0, -invoice.totalWithTaxMinor) };
  }
  if (!invoice.mandate) return { kind: 'pay-by-due-date', amountMinor: invoice.totalWithTaxMinor, dueDate: invoice.dueDate };
  return {
    kind: 'direct-debit',
    amountMinor: invoice.totalWithTaxMinor,
    collectionDate: collectionDateOf(invoice),
    mandateRef: invoice.mandate.mandateRef,
    maskedIban: maskIban(invoice.mandate.iban),
  };
}

/** The debit's date among the invoice's dates, when there is one to debit. */
export function collectionFactsOf(invoice: Invoice): Array<[label: string, date: string]> {
  const settlement = settlementOf(invoice);
  return settlement.kind === 'direct-debit' ? [['Direct debit on', settlement.collectionDate]] : [];
}

/** The day the invoice is debited on, when it is. */
export function collectionDateOf(invoice: Pick<Invoice, 'dueDate' | 'collectionDate'>): string {
  return invoice.collectionDate ?? invoice.dueDate;
}

/** Only the country, check digits and last four characters: enough to recognise one's account. */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (compact.length <= 8) return compact;
  return `${compact.slice(0, 4)} **** ${compact.slice(-4)}`;
}

export function recipientNameOf(invoice: Invoice): string {
  return `${invoice.billingContact.firstName} ${invoice.billingContact.lastName}`.trim();
}

/** The billing address lines that are filled in, then the country when it is not France. */
export function billingAddressLinesOf(invoice: Invoice): string[] {
  const { line1, line2, line3, line4, line5, line6, country } = invoice.billingAddress;
  const lines = [line1, line2, line3, line4, line5, line6].map((line) => line.trim()).filter((line) => line !== '');
  if (country && country.toUpperCase() !== 'FR') lines.push(country);
  return lines;
}
