import { buildInvoiceIssuedEvent } from '../../test/support/invoice-factory';
import { companyRegistrationOf, legalMentionsOf, settlementOf, type Seller } from './invoice';
import { messagesOf } from './invoice-messages';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const seller: Seller = {
  name: 'Boissipay SAS',
  addressLines: ['10 rue de la Paix', '75002 Paris'],
  vatNumber: 'FR00123456789',
  sepaCreditorId: 'FR00ZZZ000000',
  legalNotice: '',
  siren: '123456789',
  siret: '12345678900012',
  rcsCity: 'Paris',
  legalForm: 'SAS',
  shareCapitalMinor: 1_000_000,
  vatOnDebits: false,
  earlyPaymentDiscountBasisPoints: 0,
  latePaymentRate: { kind: 'three-times-legal' },
};

describe('invoice texts per language', () => {
  it('when a debit is announced, then the pre-notification states the exact amount and date in each language', () => {
    const settlement = { kind: 'direct-debit', amountMinor: 245_240, collectionDate: '2027-01-02', mandateRef: 'RUM-1', maskedIban: 'FR76 **** 0189' } as const;
    expect(plain(messagesOf('fr').settlement(settlement, 'EUR'))).toBe('Le montant de 2 452,40 € sera prélevé le 2 janvier 2027 sur le compte FR76 **** 0189 au titre du mandat SEPA RUM-1.');
    expect(messagesOf('en').settlement(settlement, 'EUR')).toBe('The amount of €2,452.40 will be debited on 2 January 2027 from account FR76 **** 0189 under SEPA mandate RUM-1.');
  });

  it('when nothing is debited or no mandate is on file, then each language says so with the figure', () => {
    expect(plain(messagesOf('fr').settlement({ kind: 'nothing-debited', creditMinor: 1_200 }, 'EUR'))).toBe('Aucun prélèvement ne sera effectué : le solde de 12,00 € est en votre faveur.');
    expect(messagesOf('en').settlement({ kind: 'pay-by-due-date', amountMinor: 1_200, dueDate: '2026-11-10' }, 'EUR')).toBe(
      'Please pay €12.00 by 10 November 2026: no SEPA direct-debit mandate is on file for this contract.',
    );
  });

  it('when the legal mentions are listed in French, then nature, terms, discount, penalties and the 40 € indemnity are there', () => {
    const { invoice } = buildInvoiceIssuedEvent({ dueDate: '2026-12-01', collectionDate: '2026-12-01' });
    const mentions = legalMentionsOf(invoice, seller, messagesOf('fr')).map(plain);
    expect(mentions).toEqual([
      'Nature des opérations : prestations de services.',
      'Conditions de paiement : échéance le 1 décembre 2026, par prélèvement SEPA le 1 décembre 2026.',
      "Pas d'escompte pour paiement anticipé.",
      "En cas de retard de paiement : pénalités au taux de trois fois le taux d'intérêt légal, exigibles le jour suivant la date d'échéance, et indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 et D441-5 du Code de commerce).",
    ]);
    expect(plain(companyRegistrationOf(seller, 'fr', messagesOf('fr')))).toBe('SAS au capital de 10 000 € – RCS Paris 123 456 789');
  });

  it('when the seller chose VAT on debits, a discount and a fixed penalty rate, then the English mentions say so', () => {
    const { invoice } = buildInvoiceIssuedEvent({ mandate: null });
    const configured: Seller = { ...seller, vatOnDebits: true, earlyPaymentDiscountBasisPoints: 150, latePaymentRate: { kind: 'fixed', basisPoints: 1250 } };
    const mentions = legalMentionsOf(invoice, configured, messagesOf('en'));
    expect(settlementOf(invoice).kind).toBe('pay-by-due-date');
    expect(mentions).toEqual([
      'Nature of operations: supply of services.',
      'VAT on debits option (VAT paid on invoicing).',
      'Payment terms: due on 10 November 2026, by bank transfer.',
      'Early payment discount: 1.5%.',
      'Late payment: penalties at an annual rate of 12.5%, due from the day after the due date, and a fixed indemnity for recovery costs of €40 (French Commercial Code, art. L441-10 and D441-5).',
    ]);
    expect(legalMentionsOf(invoice, configured, messagesOf('fr'))).toContain("Option pour le paiement de la TVA d'après les débits.");
    expect(companyRegistrationOf(seller, 'en', messagesOf('en'))).toBe('SAS with a share capital of €10,000 – RCS Paris 123 456 789');
  });

  it('when seller details were recorded before the legal fields existed, then the mentions that need them are left out, not printed empty', () => {
    expect(companyRegistrationOf({ name: 'X', addressLines: [], vatNumber: 'FR1', sepaCreditorId: 'FR00ZZZ0', legalNotice: '' }, 'fr', messagesOf('fr'))).toBe('');
  });
});
