export type OperationType = 'PURCHASE' | 'REFUND';
export type InvoiceType = 'INVOICE' | 'CREDIT_NOTE';

/** One product line of an accepted operation, as the operation stored it (amounts positive). */
export interface BillableLine {
  lineNo: number;
  productLabel: string;
  quantity: number;
  unitPriceMinor: number;
  vatRateBasisPoints: number;
  amountWithoutTaxMinor: number;
  amountTaxMinor: number;
  amountWithTaxMinor: number;
  travellerName: string | null;
  bookingRef: string | null;
  costCentre: string | null;
}

/** An accepted, not yet invoiced operation with its lines. */
export interface BillableOperation {
  operationId: string;
  type: OperationType;
  orderRef: string;
  /** ISO date in the sales system. */
  operationAt: string;
  currency: string;
  lines: readonly BillableLine[];
}

/** An invoice line: signed (negative for a refund), the quantity stays positive. */
export interface InvoiceLine {
  lineNumber: number;
  operationId: string;
  operationLineNo: number;
  operationType: OperationType;
  orderRef: string;
  operationDate: string;
  description: string;
  quantity: number;
  unitPriceWithoutTaxMinor: number;
  amountWithoutTaxMinor: number;
  vatRateBasisPoints: number;
  taxMinor: number;
  amountWithTaxMinor: number;
  traveller: string | null;
  bookingRef: string | null;
  costCentre: string | null;
}

export interface VatSubtotal {
  rateBasisPoints: number;
  baseMinor: number;
  taxMinor: number;
}

export interface InvoiceTotals {
  withoutTaxMinor: number;
  taxMinor: number;
  withTaxMinor: number;
}

/** Everything an invoice says about money, before it has a number. */
export interface InvoiceDraft {
  invoiceType: InvoiceType;
  currency: string;
  lines: InvoiceLine[];
  vatBreakdown: VatSubtotal[];
  totals: InvoiceTotals;
  /** Nothing is debited on a credit note (total with tax zero or less). */
  debitRequired: boolean;
  operationIds: string[];
}

export interface InvoiceCustomer {
  subscriberRef: string;
  customerRef: string | null;
  siren: string | null;
  vatNumber: string | null;
}

export interface InvoiceContact {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
}

export interface InvoiceAddress {
  line1: string;
  line2: string;
  line3: string;
  line4: string;
  line5: string;
  line6: string;
  country: string;
}

export interface DebitMandate {
  mandateRef: string;
  iban: string;
  bic: string | null;
  /** When the debtor signed it (the pain.008 file's DtOfSgntr); absent on invoices stored before it was kept. */
  signedAt?: string | null;
}

/** Who is billed, as billing's read model has the contract when the invoice is issued. */
export interface InvoiceParty {
  contractRef: string;
  contractId: string;
  customer: InvoiceCustomer;
  billingContact: InvoiceContact;
  billingAddress: InvoiceAddress;
  /** null: no signed, unrevoked mandate, nothing can be debited. */
  mandate: DebitMandate | null;
  /** Language the invoice is written in (fr, en): the contract's. */
  language: string;
}

/** An issued invoice (or credit note): the draft, its number, its dates and who it bills. */
export interface IssuedInvoice extends InvoiceDraft, InvoiceParty {
  invoiceId: string;
  invoiceRef: string;
  /** YYYY-MM */
  period: string;
  issueDate: string;
  dueDate: string;
  /** When the debit is collected: the due date, moved as domain/collection-date.ts says. */
  collectionDate: string;
}
