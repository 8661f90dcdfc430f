import { languages } from './language';
import { contractNoticeOf, isStale, paymentNoticeOf, type NoticeFacts } from './notice';
import { debitReasonOf, debitReasons, noticeMessagesOf, noticeTextOf } from './notice-messages';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const transfer = { beneficiary: 'Boissipay SAS', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' };
const policy = { ignoredReasons: ['PROVIDER_UNAVAILABLE', 'PROVIDER_TIMEOUT', 'PROVIDER_ERROR'], transfer };
const result = {
  status: 'FAILED' as const,
  invoiceRef: 'BIL-2026-000042',
  paymentRef: 'PAY-1',
  amountMinor: 245_240,
  currency: 'EUR',
  reasonCode: 'INSUFFICIENT_FUNDS',
  returnReasonCode: null,
};
const textOf = (facts: NoticeFacts, language: 'fr' | 'en') => {
  const text = noticeTextOf({ contractRef: 'CTR-2026-000007', recipientName: 'Jane ROE', language, facts }, 'Boissipay SAS');
  return { ...text, paragraphs: text.paragraphs.map(plain), subject: plain(text.subject) };
};
const factsOf = (decision: ReturnType<typeof paymentNoticeOf>) => {
  if (decision.kind !== 'notify') throw new Error(`expected a notice, got ${decision.why}`);
  return decision.facts;
};

describe('customer notice texts', () => {
  it('when a debit failed for insufficient funds, then the French notice gives the amount, the invoice, the reason in words, what happens next and how to pay by transfer', () => {
    const text = textOf(factsOf(paymentNoticeOf(result, policy)), 'fr');
    expect(text.subject).toBe("Boissipay SAS : le prélèvement de la facture BIL-2026-000042 n'a pas abouti");
    expect(text.greeting).toBe('Bonjour Jane ROE,');
    expect(text.paragraphs).toEqual([
      "Le prélèvement SEPA de 2 452,40 € pour la facture BIL-2026-000042 n'a pas pu être effectué.",
      'Motif : la provision du compte débité était insuffisante.',
      "Cette facture reste due. Tant qu'elle n'est pas réglée, votre contrat CTR-2026-000007 peut être suspendu : les nouveaux achats seraient alors refusés.",
      'Pour la régler par virement : 2 452,40 € au bénéfice de Boissipay SAS, IBAN FR7630006000011234567890189, BIC AGRIFRPP, en indiquant la référence BIL-2026-000042.',
      'Si vous avez déjà réglé ce montant, merci de ne pas tenir compte de ce message.',
    ]);
    expect(text.closing).toBe('Cordialement,');
  });

  it('when a settled debit is returned MS02, then the English notice says it came back, with the reason in words and its ISO code', () => {
    const facts = factsOf(paymentNoticeOf({ ...result, status: 'RETURNED', reasonCode: 'REFUSED_BY_DEBTOR', returnReasonCode: 'MS02' }, policy));
    expect(facts.kind).toBe('DEBIT_RETURNED');
    const text = textOf(facts, 'en');
    expect(text.subject).toBe('Boissipay SAS: the direct debit of invoice BIL-2026-000042 was returned by your bank');
    expect(text.paragraphs.slice(0, 2)).toEqual([
      'The SEPA direct debit of €2,452.40 for invoice BIL-2026-000042 was returned to us by your bank: the amount has been credited back to you.',
      'Reason: the account holder refused the debit (code MS02).',
    ]);
    expect(text.paragraphs).toContain('To pay it by bank transfer: €2,452.40 to Boissipay SAS, IBAN FR7630006000011234567890189, BIC AGRIFRPP, quoting the reference BIL-2026-000042.');
  });

  it.each([
    ['AM04', 'INSUFFICIENT_FUNDS', 'la provision du compte débité était insuffisante', 'there were not enough funds on the debited account'],
    ['AC04', 'ACCOUNT_CLOSED', 'le compte débité est clôturé', 'the debited account is closed'],
    ['MD01', 'NO_MANDATE', 'votre banque ne détient pas de mandat de prélèvement valide à notre nom', 'your bank holds no valid direct-debit mandate in our name'],
    ['MS02', 'REFUSED_BY_DEBTOR', 'le titulaire du compte a refusé le prélèvement', 'the account holder refused the debit'],
  ])('when a return comes back %s, then it reads as %s in both languages, by our code or by the ISO code alone', (iso, reason, french, english) => {
    expect(debitReasonOf(reason, iso)).toBe(reason);
    expect(debitReasonOf('DEBIT_RETURNED', iso)).toBe(reason);
    expect(noticeMessagesOf('fr').reasons[debitReasonOf(reason, iso)]).toBe(french);
    expect(noticeMessagesOf('en').reasons[debitReasonOf(reason, iso)]).toBe(english);
  });

  it("when the simulator's and the file adapter's failure codes come, then each has its own sentence; a code nobody knows reads as a plain refusal", () => {
    expect(debitReasonOf('INVALID_ACCOUNT', null)).toBe('INVALID_ACCOUNT');
    expect(debitReasonOf('MANDATE_MISSING', null)).toBe('MANDATE_MISSING');
    expect(debitReasonOf('CURRENCY_NOT_SUPPORTED', null)).toBe('CURRENCY_NOT_SUPPORTED');
    expect(debitReasonOf('PROVIDER_TIMEOUT', null)).toBe('PROVIDER_FAILURE');
    expect(debitReasonOf('SOMETHING_NEW', null)).toBe('UNKNOWN');
    expect(debitReasonOf(null, 'XX99')).toBe('UNKNOWN');
    expect(noticeMessagesOf('fr').reasons.UNKNOWN).toBe('votre banque a refusé le prélèvement');
  });

  it('when any reason is written in any language, then it is a non-empty sentence of its own', () => {
    for (const language of languages) {
      const sentences = debitReasons.map((reason) => noticeMessagesOf(language).reasons[reason]);
      expect(sentences.every((sentence) => sentence.trim().length > 10)).toBe(true);
      expect(new Set(sentences).size).toBe(sentences.length);
    }
  });

  it('when a debit is paid or cancelled, or failed on the provider side, then there is no notice', () => {
    expect(paymentNoticeOf({ ...result, status: 'SUCCEEDED', reasonCode: null }, policy).kind).toBe('ignore');
    expect(paymentNoticeOf({ ...result, status: 'CANCELLED', reasonCode: 'DEBIT_CANCELLED' }, policy).kind).toBe('ignore');
    expect(paymentNoticeOf({ ...result, reasonCode: 'PROVIDER_UNAVAILABLE' }, policy).kind).toBe('ignore');
    expect(paymentNoticeOf({ ...result, reasonCode: null }, policy).kind).toBe('notify');
  });

  const contract = {
    occurredAt: '2026-12-04T08:30:00.000Z',
    contract: {
      subscriber: { subscriberRef: 'CSE ACME', subscriberType: 'PROFESSIONNAL', customerId: null, customerRef: 'CUST-1', siren: null, vatNumber: null },
      billingContact: { firstName: 'Jane', lastName: 'ROE', email: 'jane@acme.example', phone: null },
      language: 'en',
    },
  } as unknown as Parameters<typeof contractNoticeOf>[0];

  it('when dunning suspended the contract, then the notice says an unpaid debit is the cause; an operator\'s own reason is never told', () => {
    const dunning = contractNoticeOf({ ...contract, type: 'SUSPENDED', changedBy: 'system:dunning' });
    const operator = contractNoticeOf({ ...contract, type: 'SUSPENDED', changedBy: 'alice@agency' });
    if (dunning.kind !== 'notify' || operator.kind !== 'notify') throw new Error('expected notices');
    expect(dunning).toMatchObject({ recipient: 'jane@acme.example', recipientName: 'Jane ROE', language: 'en', customerRef: 'CUST-1' });
    expect(textOf(dunning.facts, 'fr')).toMatchObject({
      subject: 'Boissipay SAS : votre contrat CTR-2026-000007 est suspendu',
      paragraphs: [
        'Votre contrat CTR-2026-000007 (CSE ACME) est suspendu depuis le 4 décembre 2026.',
        'Cette suspension fait suite à un prélèvement impayé : une facture de ce contrat reste à régler. Une fois la facture réglée, le contrat pourra être réactivé.',
        'Pendant la suspension, les nouveaux achats sur ce contrat sont refusés ; les remboursements restent acceptés et les factures déjà émises restent dues.',
      ],
    });
    expect(textOf(operator.facts, 'en').paragraphs).toEqual([
      'Your contract CTR-2026-000007 (CSE ACME) has been suspended since 4 December 2026.',
      'For any question about this suspension, simply reply to this message.',
      'While it is suspended, new purchases on this contract are refused; refunds are still accepted, and invoices already issued remain due.',
    ]);
  });

  it('when the contract is reactivated, then the notice says purchases are accepted again; other changes are no notice', () => {
    const reactivated = contractNoticeOf({ ...contract, type: 'REACTIVATED', changedBy: 'alice@agency' });
    if (reactivated.kind !== 'notify') throw new Error('expected a notice');
    expect(textOf(reactivated.facts, 'en')).toMatchObject({
      subject: 'Boissipay SAS: your contract CTR-2026-000007 is active again',
      paragraphs: ['Your contract CTR-2026-000007 (CSE ACME) has been active again since 4 December 2026.', 'Purchases on this contract are accepted again, up to its outstanding limit.'],
    });
    expect(contractNoticeOf({ ...contract, type: 'LIMIT_CHANGED', changedBy: 'alice@agency' }).kind).toBe('ignore');
  });

  it('when an event is older than the age limit, then it is stale; a recent one, a future one or an unreadable instant is not', () => {
    const now = new Date('2026-12-10T12:00:00.000Z');
    expect(isStale('2026-12-03T11:59:59.999Z', now, 168)).toBe(true);
    expect(isStale('2026-12-03T12:00:00.000Z', now, 168)).toBe(false);
    expect(isStale('2026-12-11T00:00:00.000Z', now, 168)).toBe(false);
    expect(isStale('not a date', now, 168)).toBe(false);
  });
});
