import type { Invoice as LibraryInvoice, InvoiceService } from '@e-invoice-eu/core';
import { toDecimalText } from '@boissipay/money';
import type { EInvoice, Party, VatTreatment } from './document';

type Ubl = LibraryInvoice['ubl:Invoice'];

export type Syntax = 'CII' | 'UBL';
type CurrencyCode = Ubl['cbc:DocumentCurrencyCode'];

/** The VAT rate as a percent with two decimals, from basis points by integer arithmetic: 550 → "5.50". */
export function percentText(basisPoints: number): string {
  if (!Number.isInteger(basisPoints) || basisPoints < 0) throw new Error(`VAT rate ${basisPoints} is not a whole number of basis points`);
  return `${Math.trunc(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}`;
}

function taxCategory(vat: VatTreatment): { 'cbc:ID': VatTreatment['categoryCode']; 'cbc:Percent': string; 'cac:TaxScheme': { 'cbc:ID': string } } {
  return { 'cbc:ID': vat.categoryCode, 'cbc:Percent': percentText(vat.rateBasisPoints), 'cac:TaxScheme': { 'cbc:ID': 'VAT' } };
}

function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

function postalAddress(party: Party) {
  const { address } = party;
  return present({
    'cbc:StreetName': address.line1,
    'cbc:AdditionalStreetName': address.line2,
    'cbc:CityName': address.city,
    'cbc:PostalZone': address.postCode,
    'cac:AddressLine': address.line3 ? { 'cbc:Line': address.line3 } : null,
    'cac:Country': { 'cbc:IdentificationCode': address.countryCode as never },
  });
}

function endpoint(party: Party) {
  return party.electronicAddress ? { 'cbc:EndpointID': party.electronicAddress.id, 'cbc:EndpointID@schemeID': party.electronicAddress.scheme } : {};
}

function legalEntity(party: Party) {
  return present({
    'cbc:RegistrationName': party.name,
    'cbc:CompanyID': party.siren,
    'cbc:CompanyID@schemeID': party.siren ? ('0002' as const) : null,
  });
}

function contact(party: Party) {
  if (!party.contactName && !party.contactEmail) return null;
  return present({ 'cbc:Name': party.contactName, 'cbc:ElectronicMail': party.contactEmail });
}

/**
 * The document in the shape @e-invoice-eu/core takes (UBL element names, amounts as decimal
 * text): it writes UBL from it directly and CII by its UBL → CII mapping, so both syntaxes say
 * the same. Amounts are written from minor units as text, never through a float.
 */
export function libraryInvoiceOf(document: EInvoice, syntax: Syntax): LibraryInvoice {
  const money = (minor: number) => toDecimalText(minor, document.currency);
  const currency = document.currency as CurrencyCode;
  const { seller, buyer, payment, totals } = document;
  const ubl = present({
    // BT-23, the business process: the French reform's billing framework S1, services (the library's default would claim Peppol BIS).
    'cbc:ProfileID': 'S1',
    'cbc:ID': document.number,
    'cbc:IssueDate': document.issueDate,
    'cbc:DueDate': document.dueDate,
    'cbc:InvoiceTypeCode': document.typeCode,
    'cbc:Note': document.notes.length > 0 ? document.notes : null,
    'cbc:DocumentCurrencyCode': currency,
    'cbc:BuyerReference': document.buyerReference,
    'cac:InvoicePeriod': document.period ? { 'cbc:StartDate': document.period.start, 'cbc:EndDate': document.period.end } : null,
    'cac:BillingReference': document.precedingInvoice
      ? [{ 'cac:InvoiceDocumentReference': present({ 'cbc:ID': document.precedingInvoice.number, 'cbc:IssueDate': document.precedingInvoice.issueDate }) }]
      : null,
    'cac:ContractDocumentReference': document.contractReference ? { 'cbc:ID': document.contractReference } : null,
    'cac:AccountingSupplierParty': {
      'cac:Party': present({
        ...endpoint(seller),
        // BT-90, the SEPA creditor identifier: in UBL a seller identifier with scheme SEPA (a payee equal to the seller is refused, UBL-SR-19); CII has its own element (withCreditorReference).
        'cac:PartyIdentification': payment.kind === 'direct-debit' && syntax === 'UBL' ? [{ 'cbc:ID': payment.creditorId, 'cbc:ID@schemeID': 'SEPA' as const }] : null,
        'cac:PostalAddress': postalAddress(seller),
        'cac:PartyTaxScheme': seller.vatNumber ? ([{ 'cbc:CompanyID': seller.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }] as [{ 'cbc:CompanyID': string; 'cac:TaxScheme': { 'cbc:ID': string } }]) : null,
        'cac:PartyLegalEntity': legalEntity(seller),
        'cac:Contact': contact(seller),
      }),
    },
    'cac:AccountingCustomerParty': {
      'cac:Party': present({
        ...endpoint(buyer),
        'cac:PostalAddress': postalAddress(buyer),
        'cac:PartyTaxScheme': buyer.vatNumber ? { 'cbc:CompanyID': buyer.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } : null,
        'cac:PartyLegalEntity': legalEntity(buyer),
        'cac:Contact': contact(buyer),
      }),
    },
    'cac:PaymentMeans':
      payment.kind === 'direct-debit'
        ? [
            {
              'cbc:PaymentMeansCode': '59' as const,
              'cbc:PaymentMeansCode@name': 'SEPA direct debit',
              'cac:PaymentMandate': { 'cbc:ID': payment.mandateRef, 'cac:PayerFinancialAccount': { 'cbc:ID': payment.debitedIban } },
            },
          ]
        : null,
    'cac:PaymentTerms': document.paymentTerms ? { 'cbc:Note': document.paymentTerms } : null,
    'cac:TaxTotal': [
      {
        'cbc:TaxAmount': money(totals.vatMinor),
        'cbc:TaxAmount@currencyID': currency,
        'cac:TaxSubtotal': document.vatBreakdown.map((entry) => ({
          'cbc:TaxableAmount': money(entry.baseMinor),
          'cbc:TaxableAmount@currencyID': currency,
          'cbc:TaxAmount': money(entry.taxMinor),
          'cbc:TaxAmount@currencyID': currency,
          'cac:TaxCategory': present({
            ...taxCategory(entry.vat),
            'cbc:TaxExemptionReasonCode': entry.vat.exemptionReasonCode,
            'cbc:TaxExemptionReason': entry.vat.exemptionReason,
          }),
        })),
      },
    ] as Ubl['cac:TaxTotal'],
    'cac:LegalMonetaryTotal': present({
      'cbc:LineExtensionAmount': money(totals.lineNetMinor),
      'cbc:LineExtensionAmount@currencyID': currency,
      'cbc:TaxExclusiveAmount': money(totals.withoutVatMinor),
      'cbc:TaxExclusiveAmount@currencyID': currency,
      'cbc:TaxInclusiveAmount': money(totals.withVatMinor),
      'cbc:TaxInclusiveAmount@currencyID': currency,
      'cbc:PrepaidAmount': totals.prepaidMinor !== 0 ? money(totals.prepaidMinor) : null,
      'cbc:PrepaidAmount@currencyID': totals.prepaidMinor !== 0 ? currency : null,
      'cbc:PayableAmount': money(totals.dueMinor),
      'cbc:PayableAmount@currencyID': currency,
    }),
    'cac:InvoiceLine': document.lines.map((line) =>
      present({
        'cbc:ID': line.id,
        'cbc:InvoicedQuantity': String(line.quantity),
        'cbc:InvoicedQuantity@unitCode': 'C62' as const,
        'cbc:LineExtensionAmount': money(line.netAmountMinor),
        'cbc:LineExtensionAmount@currencyID': currency,
        'cbc:AccountingCost': line.buyerAccountingReference,
        'cac:Item': present({ 'cbc:Description': line.description, 'cbc:Name': line.name, 'cac:ClassifiedTaxCategory': taxCategory(line.vat) }),
        'cac:Price': { 'cbc:PriceAmount': money(line.unitPriceMinor), 'cbc:PriceAmount@currencyID': currency },
      }),
    ) as Ubl['cac:InvoiceLine'],
  }) as Ubl;
  return { 'ubl:Invoice': ubl };
}

/**
 * The CII schema requires ram:ApplicableHeaderTradeDelivery, even empty, and the library
 * writes it only from delivery data, which a month of services does not have (the billed month
 * is the invoice period, BG-14): it is added, empty, where the schema expects it.
 */
function withHeaderTradeDelivery(xml: string): string {
  if (xml.includes('<ram:ApplicableHeaderTradeDelivery')) return xml;
  return xml.replace(/(\s*)<ram:ApplicableHeaderTradeSettlement>/, '$1<ram:ApplicableHeaderTradeDelivery/>$1<ram:ApplicableHeaderTradeSettlement>');
}

/**
 * BT-90, the SEPA creditor identifier, in CII: ram:CreditorReferenceID, the first element of
 * the header settlement. The library writes it only from a payee party, which would name the
 * seller a second time as payee.
 */
function withCreditorReference(xml: string, creditorId: string | null): string {
  if (!creditorId) return xml;
  const start = '<ram:ApplicableHeaderTradeSettlement>';
  if (!xml.includes(start)) throw new Error('CII without its header settlement');
  return xml.replace(start, `${start}<ram:CreditorReferenceID>${escapeXml(creditorId)}</ram:CreditorReferenceID>`);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * BG-3, the invoice a credit note corrects (BT-25, and its date BT-26), in CII: the
 * ram:InvoiceReferencedDocument that follows the monetary summation. @e-invoice-eu/core 2.3
 * maps it from `cac:BillingReference/cbc:ID` while its input schema requires
 * `cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID`, and writes the date unconverted.
 */
function withPrecedingInvoice(xml: string, preceding: EInvoice['precedingInvoice']): string {
  if (!preceding) return xml;
  const date = preceding.issueDate
    ? `<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">${preceding.issueDate.replace(/-/g, '')}</qdt:DateTimeString></ram:FormattedIssueDateTime>`
    : '';
  const reference = `<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>${escapeXml(preceding.number)}</ram:IssuerAssignedID>${date}</ram:InvoiceReferencedDocument>`;
  const end = '</ram:SpecifiedTradeSettlementHeaderMonetarySummation>';
  if (!xml.includes(end)) throw new Error('CII without its monetary summation');
  return xml.replace(end, `${end}${reference}`);
}

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
let service: Promise<InvoiceService> | undefined;

/**
 * Loaded on first use, not at start-up: the library (with its spreadsheet and PDF support)
 * takes seconds to load, which a service that may never be asked for an e-invoice should not wait for.
 */
function invoiceService(): Promise<InvoiceService> {
  service ??= import('@e-invoice-eu/core').then(({ InvoiceService: Service }) => new Service(silent));
  return service;
}

/**
 * The document as XML: CII (UN/CEFACT CrossIndustryInvoice D22B, guideline
 * urn:cen.eu:en16931:2017, the Factur-X EN 16931 profile's `factur-x.xml`) or UBL 2.1.
 */
export async function eInvoiceXml(document: EInvoice, syntax: Syntax): Promise<string> {
  // The library's CII mapping reads BT-25 from a shape its own input schema refuses: CII gets it from withPrecedingInvoice.
  const input = syntax === 'CII' ? libraryInvoiceOf({ ...document, precedingInvoice: null }, syntax) : libraryInvoiceOf(document, syntax);
  const xml = await (await invoiceService()).generate(input, { format: syntax, lang: 'en', noWarnings: true });
  if (typeof xml !== 'string') throw new Error(`${syntax} came out as binary`);
  if (syntax === 'UBL') return xml;
  const creditorId = document.payment.kind === 'direct-debit' ? document.payment.creditorId : null;
  return withCreditorReference(withPrecedingInvoice(withHeaderTradeDelivery(xml), document.precedingInvoice), creditorId);
}
