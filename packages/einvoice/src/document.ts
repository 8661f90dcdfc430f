/**
 * An invoice or credit note as EN 16931 sees it (the business terms BT-n and groups BG-n of
 * the semantic model), in integer minor units. Both syntaxes, CII and UBL, are written from it;
 * nothing here knows Kafka, the database or the API.
 */

/** UNTDID 1001: 380 commercial invoice, 381 credit note. */
export type DocumentTypeCode = '380' | '381';

/** UNTDID 5305 as EN 16931 restricts it: S standard or reduced rate, Z zero rate, E exempt, O outside the scope of VAT. */
export type VatCategoryCode = 'S' | 'Z' | 'E' | 'O';

/** What each line and each VAT breakdown entry says about its VAT (BT-151/152, BT-118/119/120/121). */
export interface VatTreatment {
  categoryCode: VatCategoryCode;
  /** Hundredths of a percent: 2000 is 20 %, 550 is 5.5 %; 0 for Z, E and O. */
  rateBasisPoints: number;
  /** BT-121, a VATEX code (e.g. VATEX-EU-J for travel agents' margin scheme); null for S and Z. */
  exemptionReasonCode: string | null;
  /** BT-120, the exemption reason as text; null for S and Z. */
  exemptionReason: string | null;
}

export interface PostalAddress {
  /** BT-35/50. */
  line1: string | null;
  /** BT-36/51. */
  line2: string | null;
  /** BT-162/163. */
  line3: string | null;
  /** BT-38/53. */
  postCode: string | null;
  /** BT-37/52. */
  city: string | null;
  /** BT-40/55, ISO 3166-1 alpha-2. */
  countryCode: string;
}

export interface Party {
  /** BT-27/44, the legal name. */
  name: string;
  /** BT-30/47 with scheme 0002 (SIREN) when known. */
  siren: string | null;
  /** BT-31/48, the VAT identifier. */
  vatNumber: string | null;
  address: PostalAddress;
  /** BT-34/49, the electronic address with its EAS scheme: 0002 a SIREN, 9957 a French VAT number, EM an e-mail address. */
  electronicAddress: { id: string; scheme: '0002' | '9957' | 'EM' } | null;
  /** BT-43 / BT-58 e-mail of the contact point, when known. */
  contactEmail: string | null;
  /** BT-41/56 contact point name, when known. */
  contactName: string | null;
}

export interface DocumentLine {
  /** BT-126. */
  id: string;
  /** BT-153. */
  name: string;
  /** BT-154, optional extra text (traveller, booking, cost centre). */
  description: string | null;
  /** BT-129, whole units (unit code C62, "one"); negative on a line that takes back. */
  quantity: number;
  /** BT-146, the net price of one unit: never negative. */
  unitPriceMinor: number;
  /** BT-131 = quantity × unit price, signed. */
  netAmountMinor: number;
  vat: VatTreatment;
  /** BT-133, the buyer's accounting reference (cost centre). */
  buyerAccountingReference: string | null;
  /** BT-128, an object the line is about (order or booking reference). */
  objectReference: string | null;
}

export interface VatBreakdownEntry {
  vat: VatTreatment;
  /** BT-116. */
  baseMinor: number;
  /** BT-117. */
  taxMinor: number;
}

/** BG-16/BG-19: how the amount due is settled. */
export type PaymentInstructions =
  | { kind: 'direct-debit'; mandateRef: string; creditorId: string; debitedIban: string }
  | { kind: 'none' };

export interface EInvoice {
  typeCode: DocumentTypeCode;
  /** BT-1. */
  number: string;
  /** BT-2, ISO date. */
  issueDate: string;
  /** BT-9, ISO date; null when nothing is to be paid. */
  dueDate: string | null;
  /** BT-5, ISO 4217; every amount is in its minor units. */
  currency: string;
  /** BT-10, the buyer's reference: our contract reference. */
  buyerReference: string;
  /** BT-12, the contract. */
  contractReference: string | null;
  /** BT-22 notes. */
  notes: string[];
  /** BG-14, the billed period, ISO dates (both inclusive). */
  period: { start: string; end: string } | null;
  /** BG-3 / BT-25 (and BT-26): the invoice a credit note corrects. */
  precedingInvoice: { number: string; issueDate: string | null } | null;
  seller: Party;
  buyer: Party;
  payment: PaymentInstructions;
  /** BT-20 payment terms as text, when any. */
  paymentTerms: string | null;
  lines: DocumentLine[];
  vatBreakdown: VatBreakdownEntry[];
  totals: {
    /** BT-106, sum of the line net amounts. */
    lineNetMinor: number;
    /** BT-109. */
    withoutVatMinor: number;
    /** BT-110. */
    vatMinor: number;
    /** BT-112. */
    withVatMinor: number;
    /** BT-113, already paid or deducted (earlier credit notes); 0 when none. */
    prepaidMinor: number;
    /** BT-115 = BT-112 − BT-113. */
    dueMinor: number;
  };
}
