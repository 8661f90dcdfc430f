import { amountDueOf, collectionDayOf, companyRegistrationOf, invoiceLanguageOf, legalMentionsOf, recipientNameOf, settlementOf, vatLabelOf, type Invoice, type Seller } from '../domain/invoice';
import { formatAmount, formatDate, formatPeriod, formatVatRate } from '../domain/invoice-format';
import { messagesOf } from '../domain/invoice-messages';
import type { Language } from '../domain/language';
import { correctedInvoiceDateOf, creditNoteLanguageOf, creditNoteMentionsOf, type CreditNoteDocument } from '../domain/credit-note';

export interface InvoiceEmail {
  subject: string;
  html: string;
  /** The same facts for mail clients that do not show HTML. */
  text: string;
}

/**
 * The e-mail that carries the invoice, in the invoice's language: its key facts in the body
 * (the SEPA pre-notification sentence with the exact amount and date), the legal terms, and
 * the seller's identifiers under the signature; the PDF attached beside it.
 */
export function renderInvoiceEmail(invoice: Invoice, seller: Seller): InvoiceEmail {
  const language = invoiceLanguageOf(invoice);
  const messages = messagesOf(language);
  const type = invoice.invoiceType;
  const money = (amountMinor: number) => formatAmount(amountMinor, invoice.currency, language);
  const period = formatPeriod(invoice.period, language);
  const collectionDay = collectionDayOf(invoice);
  const facts: Array<[string, string]> = [
    [messages.email.documentNumber(type), invoice.invoiceRef],
    [messages.period, period],
    [messages.issueDate, formatDate(invoice.issueDate, language)],
    [messages.dueDate, formatDate(invoice.dueDate, language)],
    ...(collectionDay ? [[messages.directDebitOn, formatDate(collectionDay, language)] as [string, string]] : []),
    [messages.contract, invoice.contractRef],
    [messages.totalWithoutTax, money(invoice.totalWithoutTaxMinor)],
    // Untaxed entries (exempt, margin scheme, out of scope) have no VAT to show.
    ...invoice.vatBreakdown
      .filter((subtotal) => subtotal.vatCategoryCode === 'S' || subtotal.vatCategoryCode === 'Z')
      .map((subtotal): [string, string] => [messages.vatAt(vatLabelOf(subtotal, () => formatVatRate(subtotal.rateBasisPoints, language), messages.vatLabels)), money(subtotal.taxMinor)]),
    [messages.totalWithTax, money(invoice.totalWithTaxMinor)],
    ...((invoice.prepaidAmountMinor ?? 0) > 0
      ? ([
          [messages.creditDeducted, money(-(invoice.prepaidAmountMinor ?? 0))],
          [messages.amountDue, money(amountDueOf(invoice))],
        ] as Array<[string, string]>)
      : []),
  ];
  return emailOf({
    language,
    title: `${messages.documentTitle[type]} ${invoice.invoiceRef}`,
    subject: messages.email.subject(seller.name, type, invoice.invoiceRef, period),
    greeting: messages.email.greeting(recipientNameOf(invoice)),
    intro: [messages.email.intro(type, invoice.invoiceRef, seller.name, period)],
    facts,
    settlement: messages.settlement(settlementOf(invoice), invoice.currency),
    attached: messages.email.attached(type, `${invoice.invoiceRef}.pdf`),
    mentions: legalMentionsOf(invoice, seller, messages),
    signature: signatureOf(seller, language),
  });
}

/**
 * The e-mail that carries a credit note, in its language: which invoice it corrects and why,
 * the amounts credited, that nothing is debited, and the seller's identifiers; the PDF
 * attached beside it. Addressed to the billing contact of the invoice it corrects.
 */
export function renderCreditNoteEmail(document: CreditNoteDocument, seller: Seller): InvoiceEmail {
  const { creditNote, invoice } = document;
  const language = creditNoteLanguageOf(creditNote);
  const messages = messagesOf(language);
  const money = (amountMinor: number) => formatAmount(amountMinor, creditNote.currency, language);
  const period = formatPeriod(invoice.period, language);
  const invoiceDate = formatDate(correctedInvoiceDateOf(document), language);
  const facts: Array<[string, string]> = [
    [messages.email.documentNumber('CREDIT_NOTE'), creditNote.creditNoteRef],
    [messages.issueDate, formatDate(creditNote.issueDate, language)],
    [messages.creditNote.correctedInvoice, creditNote.invoiceRef],
    [messages.creditNote.correctedInvoiceDate, invoiceDate],
    [messages.contract, invoice.contractRef],
    [messages.creditNote.reason, creditNote.reason],
    [messages.totalWithoutTax, money(creditNote.totalWithoutTaxMinor)],
    ...creditNote.vatBreakdown
      .filter((subtotal) => subtotal.vatCategoryCode === 'S' || subtotal.vatCategoryCode === 'Z')
      .map((subtotal): [string, string] => [messages.vatAt(vatLabelOf(subtotal, () => formatVatRate(subtotal.rateBasisPoints, language), messages.vatLabels)), money(subtotal.taxMinor)]),
    [messages.totalWithTax, money(creditNote.totalWithTaxMinor)],
  ];
  return emailOf({
    language,
    title: `${messages.documentTitle.CREDIT_NOTE} ${creditNote.creditNoteRef}`,
    subject: messages.email.subject(seller.name, 'CREDIT_NOTE', creditNote.creditNoteRef, period),
    greeting: messages.email.greeting(recipientNameOf(invoice)),
    intro: [messages.email.intro('CREDIT_NOTE', creditNote.creditNoteRef, seller.name, period), messages.email.corrects(creditNote.invoiceRef, invoiceDate)],
    facts,
    settlement: messages.creditNote.settlement(creditNote.totalWithTaxMinor, creditNote.currency),
    attached: messages.email.attached('CREDIT_NOTE', `${creditNote.creditNoteRef}.pdf`),
    mentions: creditNoteMentionsOf(document, seller, messages, invoiceDate),
    signature: signatureOf(seller, language),
  });
}

function signatureOf(seller: Seller, language: Language): string[] {
  const messages = messagesOf(language);
  return [
    seller.name,
    ...seller.addressLines,
    companyRegistrationOf(seller, language, messages),
    seller.siret ? `${messages.siret} ${seller.siret}` : '',
    `${messages.vatNumber} ${seller.vatNumber}`,
  ].filter((line) => line !== '');
}

/** The words of one e-mail; `emailOf` lays them out as HTML and as plain text. */
interface EmailContent {
  language: Language;
  title: string;
  subject: string;
  greeting: string;
  intro: readonly string[];
  facts: ReadonlyArray<readonly [string, string]>;
  settlement: string;
  attached: string;
  mentions: readonly string[];
  signature: readonly string[];
}

function emailOf(content: EmailContent): InvoiceEmail {
  const { facts, greeting, intro, settlement, attached, mentions, signature } = content;
  const rows = facts
    .map(
      ([label, value], index) =>
        `<tr><th align="left" style="padding:4px 16px 4px 0;font-weight:normal;color:#555">${escapeHtml(label)}</th>` +
        `<td align="right" style="padding:4px 0;${index === facts.length - 1 ? 'font-weight:bold' : ''}">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="${content.language}">
<head><meta charset="utf-8"><title>${escapeHtml(content.title)}</title></head>
<body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#222">
<p>${escapeHtml(greeting)}</p>
<p>${intro.map(escapeHtml).join(' ')}</p>
<table role="presentation" style="border-collapse:collapse;margin:16px 0">
${rows}
</table>
<p><strong>${escapeHtml(settlement)}</strong></p>
<p>${escapeHtml(attached)}</p>
<p style="color:#555;font-size:12px">${mentions.map(escapeHtml).join('<br>')}</p>
<p style="color:#555">${signature.map(escapeHtml).join('<br>')}</p>
</body>
</html>
`;
  const width = Math.max(...facts.map(([label]) => label.length));
  const text = [greeting, '', intro.join(' '), '', ...facts.map(([label, value]) => `${label.padEnd(width)}  ${value}`), '', settlement, '', attached, '', ...mentions, '', ...signature, ''].join('\n');
  return { subject: content.subject, html, text };
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Event data is text, never markup: a description such as "<b>" shows as typed. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}
