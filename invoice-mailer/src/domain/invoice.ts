import type { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { formatRoundAmount } from './invoice-format';
import type { InvoiceMessages } from './invoice-messages';
import { languageOf, type Language } from './language';

/** An issued invoice exactly as billing published it: the mailer keeps it to render it again later. */
export type Invoice = billingInvoiceIssuedV1Event.IssuedInvoice;
export type InvoiceLine = billingInvoiceIssuedV1Event.InvoiceLine;
export type InvoiceType = billingInvoiceIssuedV1Event.InvoiceType;
export type VatSubtotal = billingInvoiceIssuedV1Event.VatSubtotal;

/** The rate of late-payment penalties the seller applies (at least three times the legal interest rate, Code de commerce L441-10). */
export type LatePaymentRate = { kind: 'three-times-legal' } | { kind: 'ecb-plus-ten' } | { kind: 'fixed'; basisPoints: number };

/**
 * Who issues the invoices (configuration, not data of the event), with what French law wants
 * printed about it. The legal fields are absent from seller details recorded before they
 * existed: such an invoice is printed again without them, as it was sent.
 */
export interface Seller {
  name: string;
  addressLines: readonly string[];
  vatNumber: string;
  sepaCreditorId: string;
  /** Free text at the foot of every page, after the mentions below. */
  legalNotice: string;
  siren?: string;
  siret?: string;
  rcsCity?: string;
  legalForm?: string;
  shareCapitalMinor?: number;
  /** The seller opted to pay VAT on its invoices' issue (TVA d'après les débits) rather than on collection. */
  vatOnDebits?: boolean;
  /** Early-payment discount, hundredths of a percent; 0: none. */
  earlyPaymentDiscountBasisPoints?: number;
  latePaymentRate?: LatePaymentRate;
}

/** The language an invoice is written in: the one billing put on it, French for one issued before languages existed. */
export function invoiceLanguageOf(invoice: Pick<Invoice, 'language'>): Language {
  return languageOf(invoice.language);
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

/** The debit's date, when there is one to debit: printed beside the due date. */
export function collectionDayOf(invoice: Invoice): string | undefined {
  const settlement = settlementOf(invoice);
  return settlement.kind === 'direct-debit' ? settlement.collectionDate : undefined;
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
 * The mentions French law requires on a B2B invoice beyond its figures (Code de commerce
 * L441-9, CGI art. 242 nonies A, the 2026 e-invoicing reform), in the invoice's language:
 * nature of the operations, the VAT-on-debits option when chosen, the early-payment discount,
 * the late-payment penalties with the 40 € recovery indemnity, and the payment terms. The
 * seller's own identifiers (SIREN, SIRET, RCS, legal form, capital, VAT number) and the
 * buyer's (SIREN, VAT number) are printed with the parties.
 */
export function legalMentionsOf(invoice: Invoice, seller: Seller, messages: InvoiceMessages): string[] {
  return [
    messages.natureOfOperations,
    ...(seller.vatOnDebits ? [messages.vatOnDebits] : []),
    messages.paymentTerms(settlementOf(invoice), invoice.dueDate),
    messages.earlyPaymentDiscount(seller.earlyPaymentDiscountBasisPoints ?? 0),
    messages.latePayment(seller.latePaymentRate ?? { kind: 'three-times-legal' }),
  ];
}

/** "SAS au capital de 10 000 € – RCS Paris 123 456 789", from what the seller settings give. */
export function companyRegistrationOf(seller: Seller, language: Language, messages: InvoiceMessages): string {
  return messages.companyRegistration({
    legalForm: seller.legalForm || undefined,
    shareCapital: seller.shareCapitalMinor === undefined ? undefined : formatRoundAmount(seller.shareCapitalMinor, 'EUR', language),
    rcsCity: seller.rcsCity || undefined,
    siren: seller.siren ? groupSiren(seller.siren) : undefined,
  });
}

/** 123456789 → "123 456 789", as the RCS registration is usually written. */
function groupSiren(siren: string): string {
  return /^\d{9}$/.test(siren) ? `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}` : siren;
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

/** How a line's or a breakdown entry's VAT reads: its rate when taxed (S, Z), else what exempts it, in the invoice's language (`short` for the narrow column of the lines). */
export function vatLabelOf(
  entry: Pick<VatTreatment, 'vatCategoryCode' | 'vatExemptionReasonCode'>,
  formatRate: () => string,
  labels: InvoiceMessages['vatLabels'],
  short = false,
): string {
  if (isMarginScheme(entry)) return short ? labels.marginShort : labels.marginScheme;
  switch (entry.vatCategoryCode) {
    case 'E':
      return short ? labels.exemptShort : labels.exempt;
    case 'O':
      return labels.outOfScope;
    default:
      return formatRate();
  }
}

/** The mentions an untaxed breakdown entry requires (the margin scheme's, an exemption's provision), each once, in breakdown order. */
export function vatMentionsOf(invoice: { vatBreakdown: ReadonlyArray<Pick<VatSubtotal, 'vatExemptionReason'>> }): string[] {
  const mentions = invoice.vatBreakdown.map((entry) => entry.vatExemptionReason).filter((reason): reason is string => typeof reason === 'string' && reason !== '');
  return [...new Set(mentions)];
}
