import { collectionDayOf, companyRegistrationOf, invoiceLanguageOf, legalMentionsOf, recipientNameOf, settlementOf, type Invoice, type Seller } from '../domain/invoice';
import { formatAmount, formatDate, formatPeriod, formatVatRate } from '../domain/invoice-format';
import { messagesOf } from '../domain/invoice-messages';

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
    ...invoice.vatBreakdown.map((subtotal): [string, string] => [messages.vatAt(formatVatRate(subtotal.rateBasisPoints, language)), money(subtotal.taxMinor)]),
    [messages.totalWithTax, money(invoice.totalWithTaxMinor)],
  ];
  const settlement = messages.settlement(settlementOf(invoice), invoice.currency);
  const greeting = messages.email.greeting(recipientNameOf(invoice));
  const intro = messages.email.intro(type, invoice.invoiceRef, seller.name, period);
  const attached = messages.email.attached(type, `${invoice.invoiceRef}.pdf`);
  const mentions = legalMentionsOf(invoice, seller, messages);
  const signature = [
    seller.name,
    ...seller.addressLines,
    companyRegistrationOf(seller, language, messages),
    seller.siret ? `${messages.siret} ${seller.siret}` : '',
    `${messages.vatNumber} ${seller.vatNumber}`,
  ].filter((line) => line !== '');

  const rows = facts
    .map(
      ([label, value], index) =>
        `<tr><th align="left" style="padding:4px 16px 4px 0;font-weight:normal;color:#555">${escapeHtml(label)}</th>` +
        `<td align="right" style="padding:4px 0;${index === facts.length - 1 ? 'font-weight:bold' : ''}">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(`${messages.documentTitle[type]} ${invoice.invoiceRef}`)}</title></head>
<body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#222">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
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
  const text = [greeting, '', intro, '', ...facts.map(([label, value]) => `${label.padEnd(width)}  ${value}`), '', settlement, '', attached, '', ...mentions, '', ...signature, ''].join('\n');
  return { subject: messages.email.subject(seller.name, type, invoice.invoiceRef, period), html, text };
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Event data is text, never markup: a description such as "<b>" shows as typed. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}
