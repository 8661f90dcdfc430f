import { buildCreditNoteIssuedEvent } from '../../test/support/credit-note-factory';
import { buildInvoiceIssuedEvent } from '../../test/support/invoice-factory';
import { correctedInvoiceDateOf, creditNoteLanguageOf, creditNoteMentionsOf } from './credit-note';
import type { Seller } from './invoice';
import { messagesOf } from './invoice-messages';

const seller: Seller = { name: 'Boissipay SAS', addressLines: [], vatNumber: 'FR00123456789', sepaCreditorId: 'FR00ZZZ000000', legalNotice: '' };

describe('credit notes', () => {
  const { invoice } = buildInvoiceIssuedEvent({ issueDate: '2026-11-01' });

  it('when billing named the corrected invoice date, then that date is printed, else the recorded invoice issue date', () => {
    const { creditNote } = buildCreditNoteIssuedEvent({ ...invoice, issueDate: '2026-10-01' });
    expect(correctedInvoiceDateOf({ creditNote, invoice })).toBe('2026-10-01');
    expect(correctedInvoiceDateOf({ creditNote: { ...creditNote, invoiceIssueDate: null }, invoice })).toBe('2026-11-01');
  });

  it('when a credit note is in a language the mailer does not write, then it reads as French', () => {
    expect(creditNoteLanguageOf({ language: 'en' })).toBe('en');
    expect(creditNoteLanguageOf({ language: 'de' })).toBe('fr');
  });

  it('when the mentions are listed, then the corrected invoice comes first, then the nature of the operations, the VAT-on-debits option when chosen, and nothing to pay; no discount or late-payment terms', () => {
    const { creditNote } = buildCreditNoteIssuedEvent(invoice);
    const mentions = creditNoteMentionsOf({ creditNote, invoice }, { ...seller, vatOnDebits: true }, messagesOf('fr'), '1 novembre 2026');
    expect(mentions).toEqual([
      `Avoir rectifiant la facture n° ${invoice.invoiceRef} du 1 novembre 2026.`,
      'Nature des opérations : prestations de services.',
      "Option pour le paiement de la TVA d'après les débits.",
      'Conditions de paiement : aucun montant à régler.',
    ]);
    expect(creditNoteMentionsOf({ creditNote, invoice }, seller, messagesOf('en'), '1 November 2026')).toEqual([
      `Credit note correcting invoice no. ${invoice.invoiceRef} of 1 November 2026.`,
      'Nature of operations: supply of services.',
      'Payment terms: nothing to pay.',
    ]);
  });
});
