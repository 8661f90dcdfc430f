import { formatAmount, formatDate } from './invoice-format';
import type { Language } from './language';
import type { NoticeFacts, TransferAccount } from './notice';

/**
 * Why a debit did not pay, in words a customer understands. Our stable reason codes (those
 * payment.result.v1 carries: the simulator's, the file adapter's, and the returns' of ADR 0027),
 * with a generic sentence for a code we do not know yet.
 */
export const debitReasons = [
  'INSUFFICIENT_FUNDS',
  'ACCOUNT_CLOSED',
  'ACCOUNT_BLOCKED',
  'INVALID_ACCOUNT',
  'TRANSACTION_FORBIDDEN',
  'NO_MANDATE',
  'MANDATE_MISSING',
  'MANDATE_DETAILS_MISSING',
  'REFUSED_BY_DEBTOR',
  'REFUND_REQUESTED',
  'DEBTOR_DECEASED',
  'REASON_NOT_SPECIFIED',
  'SPECIFIC_SERVICE',
  'CURRENCY_NOT_SUPPORTED',
  'INVALID_AMOUNT',
  'PROVIDER_FAILURE',
  'UNKNOWN',
] as const;
export type DebitReason = (typeof debitReasons)[number];

/** ISO 20022 return reason codes (what a bank writes) to ours, for a return whose own code we do not name. */
const ISO_REASONS: Readonly<Record<string, DebitReason>> = {
  AC01: 'INVALID_ACCOUNT',
  AC04: 'ACCOUNT_CLOSED',
  AC06: 'ACCOUNT_BLOCKED',
  AG01: 'TRANSACTION_FORBIDDEN',
  AM04: 'INSUFFICIENT_FUNDS',
  MD01: 'NO_MANDATE',
  MD06: 'REFUND_REQUESTED',
  MD07: 'DEBTOR_DECEASED',
  MS02: 'REFUSED_BY_DEBTOR',
  MS03: 'REASON_NOT_SPECIFIED',
  SL01: 'SPECIFIC_SERVICE',
};

const ALIASES: Readonly<Record<string, DebitReason>> = {
  PROVIDER_UNAVAILABLE: 'PROVIDER_FAILURE',
  PROVIDER_TIMEOUT: 'PROVIDER_FAILURE',
  PROVIDER_ERROR: 'PROVIDER_FAILURE',
};

/** Our reason code first; else the ISO code of a return; else a generic refusal. */
export function debitReasonOf(reasonCode: string | null, returnReasonCode: string | null): DebitReason {
  const own = debitReasons.find((reason) => reason === reasonCode) ?? (reasonCode ? ALIASES[reasonCode] : undefined);
  if (own && own !== 'UNKNOWN') return own;
  return (returnReasonCode ? ISO_REASONS[returnReasonCode.toUpperCase()] : undefined) ?? 'UNKNOWN';
}


type DebitFacts = Extract<NoticeFacts, { kind: 'DEBIT_FAILED' | 'DEBIT_RETURNED' }>;
type ContractFacts = Extract<NoticeFacts, { kind: 'CONTRACT_SUSPENDED' | 'CONTRACT_REACTIVATED' }>;

/**
 * Every word of the notices, per language, in the shape of the invoice catalogue (ADR 0025): a
 * language lacking a text is a compile error. Each notice is a subject and paragraphs; each
 * debit notice says what happened, why in plain words, and what happens next.
 */
export interface NoticeMessages {
  reasons: Record<DebitReason, string>;
  greeting: (name: string) => string;
  closing: string;
  debit: {
    subject: (sellerName: string, facts: DebitFacts) => string;
    what: (facts: DebitFacts, amount: string) => string;
    why: (reason: string, isoCode: string | null) => string;
    stillDue: (contractRef: string) => string;
    payByTransfer: (amount: string, account: TransferAccount, reference: string) => string;
    alreadyPaid: string;
  };
  contract: {
    subject: (sellerName: string, facts: ContractFacts, contractRef: string) => string;
    what: (facts: ContractFacts, contractRef: string, date: string) => string;
    unpaidDebit: string;
    askUs: string;
    whileSuspended: string;
    reactivated: string;
  };
}

const fr: NoticeMessages = {
  reasons: {
    INSUFFICIENT_FUNDS: 'la provision du compte débité était insuffisante',
    ACCOUNT_CLOSED: 'le compte débité est clôturé',
    ACCOUNT_BLOCKED: 'le compte débité est bloqué',
    INVALID_ACCOUNT: "le numéro de compte (IBAN) du mandat n'est pas valide",
    TRANSACTION_FORBIDDEN: "le compte débité n'accepte pas les prélèvements",
    NO_MANDATE: 'votre banque ne détient pas de mandat de prélèvement valide à notre nom',
    MANDATE_MISSING: "aucun mandat de prélèvement SEPA n'est enregistré pour votre contrat",
    MANDATE_DETAILS_MISSING: 'les informations de votre mandat de prélèvement sont incomplètes',
    REFUSED_BY_DEBTOR: 'le titulaire du compte a refusé le prélèvement',
    REFUND_REQUESTED: 'le titulaire du compte a demandé le remboursement du prélèvement',
    DEBTOR_DECEASED: 'le titulaire du compte est décédé',
    REASON_NOT_SPECIFIED: "votre banque n'a pas indiqué de motif",
    SPECIFIC_SERVICE: 'un service de votre banque (filtrage des prélèvements) a bloqué le prélèvement',
    CURRENCY_NOT_SUPPORTED: "un prélèvement SEPA n'est possible qu'en euros",
    INVALID_AMOUNT: "le montant du prélèvement n'est pas valide",
    PROVIDER_FAILURE: 'un incident technique chez notre prestataire de paiement',
    UNKNOWN: 'votre banque a refusé le prélèvement',
  },
  greeting: (name) => `Bonjour ${name},`,
  closing: 'Cordialement,',
  debit: {
    subject: (sellerName, facts) =>
      facts.kind === 'DEBIT_FAILED'
        ? `${sellerName} : le prélèvement de la facture ${facts.invoiceRef} n'a pas abouti`
        : `${sellerName} : le prélèvement de la facture ${facts.invoiceRef} a été rejeté par votre banque`,
    what: (facts, amount) =>
      facts.kind === 'DEBIT_FAILED'
        ? `Le prélèvement SEPA de ${amount} pour la facture ${facts.invoiceRef} n'a pas pu être effectué.`
        : `Le prélèvement SEPA de ${amount} pour la facture ${facts.invoiceRef} nous a été retourné par votre banque : le montant vous a été recrédité.`,
    why: (reason, isoCode) => `Motif : ${reason}${isoCode ? ` (code ${isoCode})` : ''}.`,
    stillDue: (contractRef) =>
      `Cette facture reste due. Tant qu'elle n'est pas réglée, votre contrat ${contractRef} peut être suspendu : les nouveaux achats seraient alors refusés.`,
    payByTransfer: (amount, account, reference) =>
      `Pour la régler par virement : ${amount} au bénéfice de ${account.beneficiary}, IBAN ${account.iban}, BIC ${account.bic}, en indiquant la référence ${reference}.`,
    alreadyPaid: 'Si vous avez déjà réglé ce montant, merci de ne pas tenir compte de ce message.',
  },
  contract: {
    subject: (sellerName, facts, contractRef) =>
      facts.kind === 'CONTRACT_SUSPENDED' ? `${sellerName} : votre contrat ${contractRef} est suspendu` : `${sellerName} : votre contrat ${contractRef} est réactivé`,
    what: (facts, contractRef, date) =>
      facts.kind === 'CONTRACT_SUSPENDED'
        ? `Votre contrat ${contractRef} (${facts.subscriberRef}) est suspendu depuis le ${date}.`
        : `Votre contrat ${contractRef} (${facts.subscriberRef}) est de nouveau actif depuis le ${date}.`,
    unpaidDebit: 'Cette suspension fait suite à un prélèvement impayé : une facture de ce contrat reste à régler. Une fois la facture réglée, le contrat pourra être réactivé.',
    askUs: 'Pour toute question sur cette suspension, répondez simplement à ce message.',
    whileSuspended: 'Pendant la suspension, les nouveaux achats sur ce contrat sont refusés ; les remboursements restent acceptés et les factures déjà émises restent dues.',
    reactivated: "Les achats sur ce contrat sont de nouveau acceptés, dans la limite de l'encours autorisé.",
  },
};

const en: NoticeMessages = {
  reasons: {
    INSUFFICIENT_FUNDS: 'there were not enough funds on the debited account',
    ACCOUNT_CLOSED: 'the debited account is closed',
    ACCOUNT_BLOCKED: 'the debited account is blocked',
    INVALID_ACCOUNT: 'the account number (IBAN) of the mandate is not valid',
    TRANSACTION_FORBIDDEN: 'the debited account does not accept direct debits',
    NO_MANDATE: 'your bank holds no valid direct-debit mandate in our name',
    MANDATE_MISSING: 'no SEPA direct-debit mandate is on file for your contract',
    MANDATE_DETAILS_MISSING: 'the details of your direct-debit mandate are incomplete',
    REFUSED_BY_DEBTOR: 'the account holder refused the debit',
    REFUND_REQUESTED: 'the account holder asked for the debit to be refunded',
    DEBTOR_DECEASED: 'the account holder is deceased',
    REASON_NOT_SPECIFIED: 'your bank gave no reason',
    SPECIFIC_SERVICE: 'a service of your bank (direct-debit blocking) stopped the debit',
    CURRENCY_NOT_SUPPORTED: 'SEPA direct debits are in euros only',
    INVALID_AMOUNT: 'the amount of the debit is not valid',
    PROVIDER_FAILURE: 'a technical problem at our payment provider',
    UNKNOWN: 'your bank refused the debit',
  },
  greeting: (name) => `Dear ${name},`,
  closing: 'Kind regards,',
  debit: {
    subject: (sellerName, facts) =>
      facts.kind === 'DEBIT_FAILED'
        ? `${sellerName}: the direct debit of invoice ${facts.invoiceRef} did not go through`
        : `${sellerName}: the direct debit of invoice ${facts.invoiceRef} was returned by your bank`,
    what: (facts, amount) =>
      facts.kind === 'DEBIT_FAILED'
        ? `The SEPA direct debit of ${amount} for invoice ${facts.invoiceRef} could not be made.`
        : `The SEPA direct debit of ${amount} for invoice ${facts.invoiceRef} was returned to us by your bank: the amount has been credited back to you.`,
    why: (reason, isoCode) => `Reason: ${reason}${isoCode ? ` (code ${isoCode})` : ''}.`,
    stillDue: (contractRef) =>
      `This invoice is still due. Until it is paid, your contract ${contractRef} may be suspended: new purchases would then be refused.`,
    payByTransfer: (amount, account, reference) =>
      `To pay it by bank transfer: ${amount} to ${account.beneficiary}, IBAN ${account.iban}, BIC ${account.bic}, quoting the reference ${reference}.`,
    alreadyPaid: 'If you have already paid this amount, please disregard this message.',
  },
  contract: {
    subject: (sellerName, facts, contractRef) =>
      facts.kind === 'CONTRACT_SUSPENDED' ? `${sellerName}: your contract ${contractRef} is suspended` : `${sellerName}: your contract ${contractRef} is active again`,
    what: (facts, contractRef, date) =>
      facts.kind === 'CONTRACT_SUSPENDED'
        ? `Your contract ${contractRef} (${facts.subscriberRef}) has been suspended since ${date}.`
        : `Your contract ${contractRef} (${facts.subscriberRef}) has been active again since ${date}.`,
    unpaidDebit: 'It was suspended after a direct debit was not paid: an invoice of this contract is still due. Once it is paid, the contract can be reactivated.',
    askUs: 'For any question about this suspension, simply reply to this message.',
    whileSuspended: 'While it is suspended, new purchases on this contract are refused; refunds are still accepted, and invoices already issued remain due.',
    reactivated: 'Purchases on this contract are accepted again, up to its outstanding limit.',
  },
};

const CATALOGUE: Readonly<Record<Language, NoticeMessages>> = { fr, en };

export function noticeMessagesOf(language: Language): NoticeMessages {
  return CATALOGUE[language];
}

/** A notice as words: its subject and its paragraphs, between the greeting and the closing. */
export interface NoticeText {
  subject: string;
  greeting: string;
  paragraphs: string[];
  closing: string;
}

/**
 * The whole text of a notice, from its recorded facts, in its language. Debit notices also
 * carry the account to pay by transfer, recorded with them. Pure: the same notice always reads
 * the same, so a copy sent again after a crash is the same message.
 */
export function noticeTextOf(
  notice: { contractRef: string; recipientName: string; language: Language; facts: NoticeFacts },
  sellerName: string,
): NoticeText {
  const { facts, language } = notice;
  const messages = noticeMessagesOf(language);
  const frame = { greeting: messages.greeting(notice.recipientName), closing: messages.closing };
  switch (facts.kind) {
    case 'DEBIT_FAILED':
    case 'DEBIT_RETURNED': {
      const amount = formatAmount(facts.amountMinor, facts.currency, language);
      const reason = messages.reasons[debitReasonOf(facts.reasonCode, facts.returnReasonCode)];
      return {
        ...frame,
        subject: messages.debit.subject(sellerName, facts),
        paragraphs: [
          messages.debit.what(facts, amount),
          messages.debit.why(reason, facts.returnReasonCode),
          messages.debit.stillDue(notice.contractRef),
          messages.debit.payByTransfer(amount, facts.transfer, facts.invoiceRef),
          messages.debit.alreadyPaid,
        ],
      };
    }
    case 'CONTRACT_SUSPENDED':
      return {
        ...frame,
        subject: messages.contract.subject(sellerName, facts, notice.contractRef),
        paragraphs: [
          messages.contract.what(facts, notice.contractRef, formatDate(facts.effectiveOn, language)),
          facts.cause === 'unpaid-debit' ? messages.contract.unpaidDebit : messages.contract.askUs,
          messages.contract.whileSuspended,
        ],
      };
    case 'CONTRACT_REACTIVATED':
      return {
        ...frame,
        subject: messages.contract.subject(sellerName, facts, notice.contractRef),
        paragraphs: [messages.contract.what(facts, notice.contractRef, formatDate(facts.effectiveOn, language)), messages.contract.reactivated],
      };
    default:
      return unreachable(facts);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled notice ${JSON.stringify(value)}`);
}
