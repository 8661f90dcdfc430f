import type { billingCreditNoteIssuedV1Event, billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { oneEntryPerUntaxedCategory } from './vat-breakdown';
import type { DocumentLine, EInvoice, Party, PaymentInstructions, PostalAddress, VatBreakdownEntry, VatCategoryCode, VatTreatment } from './document';

type IssuedInvoice = billingInvoiceIssuedV1Event.IssuedInvoice;
type CreditNote = billingCreditNoteIssuedV1Event.CreditNote;

/** Who issues the documents: configuration of the service that writes them, not data of the events. */
export interface SellerSettings {
  name: string;
  /** Postal address lines, e.g. ["10 rue de la Paix", "75002 Paris", "France"]: the line "<post code> <city>" is recognised. */
  addressLines: readonly string[];
  vatNumber: string;
  /** SEPA creditor identifier (BT-90) of the direct debits. */
  sepaCreditorId: string;
  /** BT-30, when configured. */
  siren?: string | null;
  /** BT-40; FR unless told. */
  countryCode?: string;
}

/**
 * What a line or VAT breakdown entry says of its VAT beyond its rate: the category code (UNTDID
 * 5305) and the VATEX exemption reason, which billing's events carry (docs/adr/0026). They stay
 * optional here for documents stored before categories existed: those read as category S.
 */
export interface VatFacts {
  vatRateBasisPoints: number;
  vatCategoryCode?: string | null;
  vatExemptionReasonCode?: string | null;
  vatExemptionReason?: string | null;
}

/**
 * An issued invoice as billing publishes it (billing.invoice-issued.v1), plus what a document
 * may carry beyond it: the amount still due after earlier credit notes (BT-115) and the invoice
 * it corrects (BT-25).
 */
export type InvoiceSource = Omit<IssuedInvoice, 'lines' | 'vatBreakdown'> & {
  lines: Array<IssuedInvoice['lines'][number] & Partial<Omit<VatFacts, 'vatRateBasisPoints'>>>;
  vatBreakdown: Array<IssuedInvoice['vatBreakdown'][number] & Partial<Omit<VatFacts, 'vatRateBasisPoints'>>>;
  amountDueMinor?: number | null;
  precedingInvoiceRef?: string | null;
  precedingInvoiceIssueDate?: string | null;
};

export type CreditNoteSource = Omit<CreditNote, 'lines' | 'vatBreakdown'> & {
  lines: Array<CreditNote['lines'][number] & Partial<Omit<VatFacts, 'vatRateBasisPoints'>>>;
  vatBreakdown: Array<CreditNote['vatBreakdown'][number] & Partial<Omit<VatFacts, 'vatRateBasisPoints'>>>;
};

const CATEGORIES: readonly VatCategoryCode[] = ['S', 'Z', 'E', 'O'];

export function vatTreatmentOf(facts: VatFacts): VatTreatment {
  const code = facts.vatCategoryCode ?? 'S';
  if (!CATEGORIES.includes(code as VatCategoryCode)) throw new Error(`VAT category ${code} is not one of ${CATEGORIES.join(', ')}`);
  return {
    categoryCode: code as VatCategoryCode,
    rateBasisPoints: facts.vatRateBasisPoints,
    exemptionReasonCode: facts.vatExemptionReasonCode ?? null,
    exemptionReason: facts.vatExemptionReason ?? null,
  };
}

/** The last day of a YYYY-MM month, computed on the calendar (no time zone involved). */
function periodOf(period: string): { start: string; end: string } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(lastDay).padStart(2, '0')}` };
}

function sellerParty(seller: SellerSettings): Party {
  const lines = seller.addressLines.map((line) => line.trim()).filter((line) => line !== '');
  const cityIndex = lines.findIndex((line) => /^\d{4,5}\s+\S/.test(line));
  const street = cityIndex >= 0 ? lines.slice(0, cityIndex) : lines;
  const cityLine = cityIndex >= 0 ? lines[cityIndex] : undefined;
  return {
    name: seller.name,
    siren: seller.siren ?? null,
    vatNumber: seller.vatNumber,
    address: { line1: street[0] ?? null, line2: street[1] ?? null, line3: street[2] ?? null, ...postCodeAndCity(cityLine), countryCode: seller.countryCode ?? 'FR' },
    electronicAddress: electronicAddressOf(seller.siren ?? null, seller.vatNumber, null),
    contactEmail: null,
    contactName: null,
  };
}

/** "75002 Paris" → post code and city; a line without a post code is all city. */
function postCodeAndCity(line: string | undefined): Pick<PostalAddress, 'postCode' | 'city'> {
  const text = line?.trim() ?? '';
  if (text === '') return { postCode: null, city: null };
  const match = /^(\S*\d\S*)\s+(.+)$/.exec(text);
  return match ? { postCode: match[1] ?? null, city: match[2] ?? null } : { postCode: null, city: text };
}

/** The billing address in the French postal form (NF Z10-011): line 1 the company, 4 the street, 6 post code and city. */
function buyerParty(invoice: Pick<IssuedInvoice, 'billingAddress' | 'billingContact' | 'customer'>): Party {
  const { billingAddress: address, billingContact: contact, customer } = invoice;
  const streetLines = [address.line4, address.line3, address.line5, address.line2].map((line) => line.trim()).filter((line) => line !== '');
  const name = address.line1.trim() || customer.subscriberRef;
  return {
    name,
    siren: customer.siren,
    vatNumber: customer.vatNumber,
    address: {
      line1: streetLines[0] ?? null,
      line2: streetLines[1] ?? null,
      line3: streetLines[2] ?? null,
      ...postCodeAndCity(address.line6),
      countryCode: (address.country || 'FR').toUpperCase(),
    },
    electronicAddress: electronicAddressOf(customer.siren, customer.vatNumber, contact.email),
    contactEmail: contact.email,
    contactName: `${contact.firstName} ${contact.lastName}`.trim() || null,
  };
}

/** The address a platform reaches a party at: its SIREN, else a French VAT number, else its e-mail. */
function electronicAddressOf(siren: string | null, vatNumber: string | null, email: string | null): Party['electronicAddress'] {
  if (siren) return { id: siren, scheme: '0002' };
  if (vatNumber && vatNumber.toUpperCase().startsWith('FR')) return { id: vatNumber, scheme: '9957' };
  if (email) return { id: email, scheme: 'EM' };
  return null;
}

function joined(parts: ReadonlyArray<string | null | undefined>): string | null {
  const kept = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return kept.length === 0 ? null : kept.join(' – ');
}

/**
 * An invoice of a billing run as EN 16931 data. A document whose total with tax is zero or
 * less (billing's CREDIT_NOTE type, refunds outweighing purchases) is a credit note, type 381,
 * whose amounts are the invoice's with the sign turned: what is credited is positive. Lines
 * keep a price that is never negative (BR-27): a line that takes back has a negative quantity.
 */
export function eInvoiceOfIssuedInvoice(invoice: InvoiceSource, seller: SellerSettings): EInvoice {
  const credit = invoice.invoiceType === 'CREDIT_NOTE';
  const sign = credit ? -1 : 1;
  const lines: DocumentLine[] = invoice.lines.map((line) => {
    const net = sign * line.amountWithoutTaxMinor;
    const unit = Math.abs(line.unitPriceWithoutTaxMinor);
    const quantity = net < 0 || (net === 0 && sign * line.unitPriceWithoutTaxMinor < 0) ? -Math.abs(line.quantity) : Math.abs(line.quantity);
    return {
      id: String(line.lineNumber),
      name: line.operationType === 'REFUND' ? `Refund: ${line.description}` : line.description,
      description: joined([`Order ${line.orderRef}`, line.operationDate, line.traveller, line.bookingRef]),
      quantity,
      unitPriceMinor: unit,
      netAmountMinor: net,
      vat: vatTreatmentOf(line),
      buyerAccountingReference: line.costCentre,
      objectReference: null,
    };
  });
  const vatBreakdown: VatBreakdownEntry[] = oneEntryPerUntaxedCategory(
    invoice.vatBreakdown.map((entry) => ({
      vat: vatTreatmentOf({ ...entry, vatRateBasisPoints: entry.rateBasisPoints }),
      baseMinor: sign * entry.baseMinor,
      taxMinor: sign * entry.taxMinor,
    })),
  );
  const withVat = sign * invoice.totalWithTaxMinor;
  const due = invoice.amountDueMinor === undefined || invoice.amountDueMinor === null ? withVat : sign * invoice.amountDueMinor;
  const payment: PaymentInstructions =
    invoice.debitRequired && invoice.mandate && !credit
      ? { kind: 'direct-debit', mandateRef: invoice.mandate.mandateRef, creditorId: seller.sepaCreditorId, debitedIban: invoice.mandate.iban.replace(/\s+/g, '') }
      : { kind: 'none' };
  return {
    typeCode: credit ? '381' : '380',
    number: invoice.invoiceRef,
    issueDate: invoice.issueDate,
    dueDate: credit ? null : invoice.dueDate,
    currency: invoice.currency,
    buyerReference: invoice.contractRef,
    contractReference: invoice.contractRef,
    notes: [],
    period: periodOf(invoice.period),
    precedingInvoice: invoice.precedingInvoiceRef ? { number: invoice.precedingInvoiceRef, issueDate: invoice.precedingInvoiceIssueDate ?? null } : null,
    seller: sellerParty(seller),
    buyer: buyerParty(invoice),
    payment,
    paymentTerms: paymentTermsOf(credit, payment, invoice.collectionDate ?? invoice.dueDate),
    lines,
    vatBreakdown,
    totals: {
      lineNetMinor: lines.reduce((sum, line) => sum + line.netAmountMinor, 0),
      withoutVatMinor: sign * invoice.totalWithoutTaxMinor,
      vatMinor: sign * invoice.totalTaxMinor,
      withVatMinor: withVat,
      prepaidMinor: withVat - due,
      dueMinor: due,
    },
  };
}

function paymentTermsOf(credit: boolean, payment: PaymentInstructions, collectionDate: string): string {
  if (credit) return 'Credited to the account: nothing is debited.';
  if (payment.kind === 'direct-debit') return `SEPA direct debit on ${collectionDate}, mandate ${payment.mandateRef}.`;
  return 'Payable by the due date.';
}

/**
 * A credit note an operator issued against an invoice (type 381), naming that invoice (BT-25,
 * with its date as BT-26). The parties come from the invoice it corrects: the credit note's
 * event carries amounts only.
 */
export function eInvoiceOfCreditNote(creditNote: CreditNoteSource, invoice: InvoiceSource, seller: SellerSettings): EInvoice {
  const lines: DocumentLine[] = creditNote.lines.map((line) => ({
    id: String(line.lineNumber),
    name: line.description,
    description: null,
    quantity: line.amountWithoutTaxMinor < 0 ? -1 : 1,
    unitPriceMinor: Math.abs(line.amountWithoutTaxMinor),
    netAmountMinor: line.amountWithoutTaxMinor,
    vat: vatTreatmentOf(line),
    buyerAccountingReference: null,
    objectReference: null,
  }));
  return {
    typeCode: '381',
    number: creditNote.creditNoteRef,
    issueDate: creditNote.issueDate,
    dueDate: null,
    currency: creditNote.currency,
    buyerReference: invoice.contractRef,
    contractReference: invoice.contractRef,
    notes: [creditNote.reason],
    period: periodOf(invoice.period),
    precedingInvoice: { number: creditNote.invoiceRef, issueDate: invoice.issueDate },
    seller: sellerParty(seller),
    buyer: buyerParty(invoice),
    payment: { kind: 'none' },
    paymentTerms: paymentTermsOf(true, { kind: 'none' }, invoice.dueDate),
    lines,
    vatBreakdown: oneEntryPerUntaxedCategory(
      creditNote.vatBreakdown.map((entry) => ({
        vat: vatTreatmentOf({ ...entry, vatRateBasisPoints: entry.rateBasisPoints }),
        baseMinor: entry.baseMinor,
        taxMinor: entry.taxMinor,
      })),
    ),
    totals: {
      lineNetMinor: lines.reduce((sum, line) => sum + line.netAmountMinor, 0),
      withoutVatMinor: creditNote.totalWithoutTaxMinor,
      vatMinor: creditNote.totalTaxMinor,
      withVatMinor: creditNote.totalWithTaxMinor,
      prepaidMinor: 0,
      dueMinor: creditNote.totalWithTaxMinor,
    },
  };
}
