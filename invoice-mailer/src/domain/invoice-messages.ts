import { formatAmount, formatDate, formatPercent, formatRoundAmount } from './invoice-format';
import type { InvoiceType, LatePaymentRate, Settlement } from './invoice';
import type { Language } from './language';

/**
 * Every word the invoice PDF and its e-mail print, per language: one typed catalogue, so a
 * text missing in one language is a compile error, not a key shown to a customer. Sentences
 * with figures are functions that format them in their own language. (A library such as
 * i18next would bring string keys, JSON resources and plural rules these few fixed texts do
 * not need; see ADR 0025.)
 */
export interface InvoiceMessages {
  documentTitle: Record<InvoiceType, string>;
  /** The title inside a sentence ("la facture", "the invoice"). */
  documentInSentence: Record<InvoiceType, string>;
  number: (ref: string) => string;
  vatNumber: string;
  siren: string;
  siret: string;
  issueDate: string;
  dueDate: string;
  directDebitOn: string;
  period: string;
  contract: string;
  customer: string;
  customerReference: string;
  billingAddress: string;
  attention: string;
  columns: {
    date: string;
    description: string;
    traveller: string;
    bookingRef: string;
    costCentre: string;
    quantity: string;
    unitPrice: string;
    amountWithoutTax: string;
    vatRate: string;
    amountWithTax: string;
  };
  refund: string;
  order: (ref: string) => string;
  noLines: string;
  baseWithoutTax: string;
  vat: string;
  vatAt: (rate: string) => string;
  totalWithoutTax: string;
  totalTax: string;
  totalWithTax: string;
  /** The contract's credit notes deducted from the total (BT-113), and what is left to pay (BT-115). */
  creditDeducted: string;
  amountDue: string;
  /** What a line or breakdown entry shows instead of a rate when it is not taxed (`marginShort`: the narrow column of the lines). */
  vatLabels: { exempt: string; exemptShort: string; marginScheme: string; marginShort: string; outOfScope: string };
  /** The SEPA pre-notification, or why nothing is debited: amount and date exact. */
  settlement: (settlement: Settlement, currency: string) => string;
  creditorAndMandate: (creditorId: string, mandateRef: string) => string;
  page: (current: number, total: number) => string;
  legalTermsHeading: string;
  natureOfOperations: string;
  vatOnDebits: string;
  earlyPaymentDiscount: (basisPoints: number) => string;
  latePayment: (rate: LatePaymentRate) => string;
  paymentTerms: (settlement: Settlement, dueDate: string) => string;
  companyRegistration: (parts: { legalForm?: string; shareCapital?: string; rcsCity?: string; siren?: string }) => string;
  email: {
    subject: (sellerName: string, type: InvoiceType, ref: string, period: string) => string;
    greeting: (name: string) => string;
    intro: (type: InvoiceType, ref: string, sellerName: string, period: string) => string;
    attached: (type: InvoiceType, fileName: string) => string;
    documentNumber: (type: InvoiceType) => string;
    /** The credit note's e-mail: which invoice it corrects. */
    corrects: (invoiceRef: string, invoiceDate: string | undefined) => string;
  };
  /** A credit note an operator or a billing run issued against an invoice (type 381, BT-25/BT-26). */
  creditNote: {
    correctedInvoice: string;
    correctedInvoiceDate: string;
    reason: string;
    columns: { lineNumber: string; description: string; vatRate: string; amountWithoutTax: string; vat: string; amountWithTax: string };
    /** Why nothing is debited: the amount credited, and where it goes. */
    settlement: (creditMinor: number, currency: string) => string;
    corrects: (invoiceRef: string, invoiceDate: string | undefined) => string;
  };
}

/** The fixed indemnity for recovery costs owed by a business paying late (Code de commerce L441-10, D441-5): 40 €. */
export const RECOVERY_INDEMNITY_MINOR = 4000;

const fr: InvoiceMessages = {
  documentTitle: { INVOICE: 'Facture', CREDIT_NOTE: 'Avoir' },
  documentInSentence: { INVOICE: 'la facture', CREDIT_NOTE: "l'avoir" },
  number: (ref) => `N° ${ref}`,
  vatNumber: 'N° TVA intracommunautaire',
  siren: 'SIREN',
  siret: 'SIRET',
  issueDate: "Date d'émission",
  dueDate: "Date d'échéance",
  directDebitOn: 'Prélèvement le',
  period: 'Période',
  contract: 'Contrat',
  customer: 'Client',
  customerReference: 'Référence client',
  billingAddress: 'Adresse de facturation',
  attention: "À l'attention de",
  columns: {
    date: 'Date',
    description: 'Désignation',
    traveller: 'Voyageur',
    bookingRef: 'Réf. réservation',
    costCentre: 'Centre de coût',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire HT',
    amountWithoutTax: 'Montant HT',
    vatRate: 'Taux TVA',
    amountWithTax: 'Montant TTC',
  },
  refund: 'Remboursement : ',
  order: (ref) => `Commande ${ref}`,
  noLines: 'Aucune ligne.',
  baseWithoutTax: 'Base HT',
  vat: 'TVA',
  vatAt: (rate) => `TVA ${rate}`,
  totalWithoutTax: 'Total HT',
  totalTax: 'Total TVA',
  totalWithTax: 'Total TTC',
  creditDeducted: 'Avoirs déduits',
  amountDue: 'Net à payer',
  vatLabels: { exempt: 'Exonéré', exemptShort: 'Exo.', marginScheme: 'Régime de la marge', marginShort: 'Marge', outOfScope: 'Hors champ' },
  settlement: (settlement, currency) => {
    const money = (amountMinor: number) => formatAmount(amountMinor, currency, 'fr');
    switch (settlement.kind) {
      case 'direct-debit':
        return (
          `Le montant de ${money(settlement.amountMinor)} sera prélevé le ${formatDate(settlement.collectionDate, 'fr')} ` +
          `sur le compte ${settlement.maskedIban} au titre du mandat SEPA ${settlement.mandateRef}.`
        );
      case 'nothing-debited':
        return settlement.creditMinor > 0 ? `Aucun prélèvement ne sera effectué : le solde de ${money(settlement.creditMinor)} est en votre faveur.` : 'Aucun prélèvement ne sera effectué.';
      case 'pay-by-due-date':
        return `Merci de régler ${money(settlement.amountMinor)} au plus tard le ${formatDate(settlement.dueDate, 'fr')} : aucun mandat de prélèvement SEPA n'est enregistré pour ce contrat.`;
      default:
        return unreachable(settlement);
    }
  },
  creditorAndMandate: (creditorId, mandateRef) => `Identifiant créancier SEPA : ${creditorId}. Référence unique de mandat : ${mandateRef}.`,
  page: (current, total) => `page ${current} / ${total}`,
  legalTermsHeading: 'Conditions et mentions légales',
  natureOfOperations: 'Nature des opérations : prestations de services.',
  vatOnDebits: "Option pour le paiement de la TVA d'après les débits.",
  earlyPaymentDiscount: (basisPoints) =>
    basisPoints > 0 ? `Escompte pour paiement anticipé : ${formatPercent(basisPoints, 'fr')}.` : "Pas d'escompte pour paiement anticipé.",
  latePayment: (rate) =>
    `En cas de retard de paiement : pénalités au taux ${latePaymentRateText(rate, 'fr')}, exigibles le jour suivant la date d'échéance, ` +
    `et indemnité forfaitaire pour frais de recouvrement de ${formatRoundAmount(RECOVERY_INDEMNITY_MINOR, 'EUR', 'fr')} (art. L441-10 et D441-5 du Code de commerce).`,
  paymentTerms: (settlement, dueDate) => {
    const due = formatDate(dueDate, 'fr');
    switch (settlement.kind) {
      case 'direct-debit':
        return `Conditions de paiement : échéance le ${due}, par prélèvement SEPA le ${formatDate(settlement.collectionDate, 'fr')}.`;
      case 'pay-by-due-date':
        return `Conditions de paiement : échéance le ${due}, par virement.`;
      case 'nothing-debited':
        return `Conditions de paiement : aucun montant à régler.`;
      default:
        return unreachable(settlement);
    }
  },
  companyRegistration: ({ legalForm, shareCapital, rcsCity, siren }) =>
    [legalForm && shareCapital ? `${legalForm} au capital de ${shareCapital}` : legalForm, rcsCity && siren ? `RCS ${rcsCity} ${siren}` : undefined].filter(Boolean).join(' – '),
  email: {
    subject: (sellerName, type, ref, period) => `${sellerName} : ${type === 'INVOICE' ? 'facture' : 'avoir'} ${ref} pour ${period}`,
    greeting: (name) => `Bonjour ${name},`,
    intro: (type, ref, sellerName, period) => `veuillez trouver ci-joint ${type === 'INVOICE' ? 'la facture' : "l'avoir"} ${ref} de ${sellerName} pour ${period}.`,
    attached: (type, fileName) => `${type === 'INVOICE' ? 'La facture est jointe' : "L'avoir est joint"} au format PDF : ${fileName}.`,
    documentNumber: (type) => (type === 'INVOICE' ? 'N° de facture' : "N° d'avoir"),
    corrects: (invoiceRef, invoiceDate) => `Cet avoir rectifie la facture ${invoiceRef}${invoiceDate ? ` du ${invoiceDate}` : ''}.`,
  },
  creditNote: {
    correctedInvoice: 'Facture rectifiée',
    correctedInvoiceDate: 'Date de la facture',
    reason: 'Motif',
    columns: { lineNumber: 'N°', description: 'Désignation', vatRate: 'Taux TVA', amountWithoutTax: 'Montant HT', vat: 'TVA', amountWithTax: 'Montant TTC' },
    settlement: (creditMinor, currency) =>
      `Aucun prélèvement ne sera effectué : le montant de ${formatAmount(creditMinor, currency, 'fr')} est porté au crédit de votre compte et déduit de vos prochaines factures.`,
    corrects: (invoiceRef, invoiceDate) => `Avoir rectifiant la facture n° ${invoiceRef}${invoiceDate ? ` du ${invoiceDate}` : ''}.`,
  },
};

const en: InvoiceMessages = {
  documentTitle: { INVOICE: 'Invoice', CREDIT_NOTE: 'Credit note' },
  documentInSentence: { INVOICE: 'the invoice', CREDIT_NOTE: 'the credit note' },
  number: (ref) => `No. ${ref}`,
  vatNumber: 'VAT number',
  siren: 'SIREN',
  siret: 'SIRET',
  issueDate: 'Issue date',
  dueDate: 'Due date',
  directDebitOn: 'Direct debit on',
  period: 'Period',
  contract: 'Contract',
  customer: 'Customer',
  customerReference: 'Customer reference',
  billingAddress: 'Billing address',
  attention: 'Attn',
  columns: {
    date: 'Date',
    description: 'Description',
    traveller: 'Traveller',
    bookingRef: 'Booking ref',
    costCentre: 'Cost centre',
    quantity: 'Qty',
    unitPrice: 'Unit price excl. VAT',
    amountWithoutTax: 'Amount excl. VAT',
    vatRate: 'VAT rate',
    amountWithTax: 'Amount incl. VAT',
  },
  refund: 'Refund: ',
  order: (ref) => `Order ${ref}`,
  noLines: 'No lines.',
  baseWithoutTax: 'Base excl. VAT',
  vat: 'VAT',
  vatAt: (rate) => `VAT ${rate}`,
  totalWithoutTax: 'Total excl. VAT',
  totalTax: 'Total VAT',
  totalWithTax: 'Total incl. VAT',
  creditDeducted: 'Credit deducted',
  amountDue: 'Amount due',
  vatLabels: { exempt: 'Exempt', exemptShort: 'Exempt', marginScheme: 'Margin scheme', marginShort: 'Margin', outOfScope: 'Out of scope' },
  settlement: (settlement, currency) => {
    const money = (amountMinor: number) => formatAmount(amountMinor, currency, 'en');
    switch (settlement.kind) {
      case 'direct-debit':
        return (
          `The amount of ${money(settlement.amountMinor)} will be debited on ${formatDate(settlement.collectionDate, 'en')} ` +
          `from account ${settlement.maskedIban} under SEPA mandate ${settlement.mandateRef}.`
        );
      case 'nothing-debited':
        return settlement.creditMinor > 0 ? `Nothing will be debited: the balance of ${money(settlement.creditMinor)} is in your favour.` : 'Nothing will be debited.';
      case 'pay-by-due-date':
        return `Please pay ${money(settlement.amountMinor)} by ${formatDate(settlement.dueDate, 'en')}: no SEPA direct-debit mandate is on file for this contract.`;
      default:
        return unreachable(settlement);
    }
  },
  creditorAndMandate: (creditorId, mandateRef) => `SEPA creditor identifier: ${creditorId}. Mandate reference: ${mandateRef}.`,
  page: (current, total) => `page ${current} / ${total}`,
  legalTermsHeading: 'Terms and legal notices',
  natureOfOperations: 'Nature of operations: supply of services.',
  vatOnDebits: 'VAT on debits option (VAT paid on invoicing).',
  earlyPaymentDiscount: (basisPoints) => (basisPoints > 0 ? `Early payment discount: ${formatPercent(basisPoints, 'en')}.` : 'No discount for early payment.'),
  latePayment: (rate) =>
    `Late payment: penalties at ${latePaymentRateText(rate, 'en')}, due from the day after the due date, ` +
    `and a fixed indemnity for recovery costs of ${formatRoundAmount(RECOVERY_INDEMNITY_MINOR, 'EUR', 'en')} (French Commercial Code, art. L441-10 and D441-5).`,
  paymentTerms: (settlement, dueDate) => {
    const due = formatDate(dueDate, 'en');
    switch (settlement.kind) {
      case 'direct-debit':
        return `Payment terms: due on ${due}, by SEPA direct debit on ${formatDate(settlement.collectionDate, 'en')}.`;
      case 'pay-by-due-date':
        return `Payment terms: due on ${due}, by bank transfer.`;
      case 'nothing-debited':
        return 'Payment terms: nothing to pay.';
      default:
        return unreachable(settlement);
    }
  },
  companyRegistration: ({ legalForm, shareCapital, rcsCity, siren }) =>
    [legalForm && shareCapital ? `${legalForm} with a share capital of ${shareCapital}` : legalForm, rcsCity && siren ? `RCS ${rcsCity} ${siren}` : undefined].filter(Boolean).join(' – '),
  email: {
    subject: (sellerName, type, ref, period) => `${sellerName}: ${type === 'INVOICE' ? 'invoice' : 'credit note'} ${ref} for ${period}`,
    greeting: (name) => `Dear ${name},`,
    intro: (type, ref, sellerName, period) => `please find attached ${type === 'INVOICE' ? 'invoice' : 'credit note'} ${ref} from ${sellerName} for ${period}.`,
    attached: (type, fileName) => `The ${type === 'INVOICE' ? 'invoice' : 'credit note'} is attached as ${fileName}.`,
    documentNumber: (type) => (type === 'INVOICE' ? 'Invoice number' : 'Credit note number'),
    corrects: (invoiceRef, invoiceDate) => `This credit note corrects invoice ${invoiceRef}${invoiceDate ? ` of ${invoiceDate}` : ''}.`,
  },
  creditNote: {
    correctedInvoice: 'Corrected invoice',
    correctedInvoiceDate: 'Invoice date',
    reason: 'Reason',
    columns: { lineNumber: 'No.', description: 'Description', vatRate: 'VAT rate', amountWithoutTax: 'Amount excl. VAT', vat: 'VAT', amountWithTax: 'Amount incl. VAT' },
    settlement: (creditMinor, currency) =>
      `Nothing will be debited: ${formatAmount(creditMinor, currency, 'en')} is credited to your account and deducted from your next invoices.`,
    corrects: (invoiceRef, invoiceDate) => `Credit note correcting invoice no. ${invoiceRef}${invoiceDate ? ` of ${invoiceDate}` : ''}.`,
  },
};

const CATALOGUE: Readonly<Record<Language, InvoiceMessages>> = { fr, en };

export function messagesOf(language: Language): InvoiceMessages {
  return CATALOGUE[language];
}

function latePaymentRateText(rate: LatePaymentRate, language: Language): string {
  switch (rate.kind) {
    case 'three-times-legal':
      return language === 'fr' ? "de trois fois le taux d'intérêt légal" : 'three times the French legal interest rate';
    case 'ecb-plus-ten':
      return language === 'fr'
        ? 'de refinancement de la Banque centrale européenne majoré de 10 points'
        : 'the European Central Bank refinancing rate plus 10 percentage points';
    case 'fixed':
      return language === 'fr' ? `annuel de ${formatPercent(rate.basisPoints, 'fr')}` : `an annual rate of ${formatPercent(rate.basisPoints, 'en')}`;
    default:
      return unreachable(rate);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
