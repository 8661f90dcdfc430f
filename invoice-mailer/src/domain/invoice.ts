import type { billingInvoiceIssuedV1Event } from '@boissipay/contracts';

/** An issued invoice exactly as billing published it: the mailer keeps it to render it again later. */
export type Invoice = billingInvoiceIssuedV1Event.IssuedInvoice;
export type InvoiceLine = billingInvoiceIssuedV1Event.InvoiceLine;
export type InvoiceType = billingInvoiceIssuedV1Event.InvoiceType;
export type VatSubtotal = billingInvoiceIssuedV1Event.VatSubtotal;

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
  if (!invoice.mandate) return { kind: 'pay-by-due-date', amountMinor: amountDueOf(invoice), dueDate: invoice.dueDate };
  return {
    kind: 'direct-debit',
    amountMinor: amountDueOf(invoice),
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

/**
 * What is due: the total with tax less the credit billing deducted from it (the contract's
 * credit notes); the total with tax for an invoice published before billing deducted credit.
 */
export function amountDueOf(invoice: Pick<Invoice, 'totalWithTaxMinor' | 'amountDueMinor'>): number {
  return invoice.amountDueMinor ?? invoice.totalWithTaxMinor;
}

type VatTreatment = Pick<VatSubtotal, 'vatCategoryCode' | 'vatExemptionReasonCode' | 'vatExemptionReason'>;

/** The travel agents' margin scheme (category E, VATEX-EU-D): no VAT is shown for it. */
export function isMarginScheme(entry: Pick<VatTreatment, 'vatCategoryCode' | 'vatExemptionReasonCode'>): boolean {
  return entry.vatCategoryCode === 'E' && entry.vatExemptionReasonCode === 'VATEX-EU-D';
}

/** How a line's or a breakdown entry's VAT reads: its rate when taxed (S, Z), else what exempts it (`short` for the narrow column of the lines). */
export function vatLabelOf(entry: Pick<VatTreatment, 'vatCategoryCode' | 'vatExemptionReasonCode'>, formatRate: () => string, short = false): string {
  if (isMarginScheme(entry)) return short ? 'Margin' : 'Margin scheme';
  switch (entry.vatCategoryCode) {
    case 'E':
      return 'Exempt';
    case 'O':
      return 'Out of scope';
    default:
      return formatRate();
  }
}

/** The mentions an untaxed breakdown entry requires (the margin scheme's, an exemption's provision), each once, in breakdown order. */
export function vatMentionsOf(invoice: Pick<Invoice, 'vatBreakdown'>): string[] {
  const mentions = invoice.vatBreakdown.map((entry) => entry.vatExemptionReason).filter((reason): reason is string => typeof reason === 'string' && reason !== '');
  return [...new Set(mentions)];
}
