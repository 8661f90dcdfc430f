import { amountDueOf, collectionFactsOf, documentTitleOf, recipientNameOf, settlementOf, vatLabelOf, type Invoice, type Seller } from '../domain/invoice';
import { formatAmount, formatDate, formatPeriod, formatVatRate, settlementSentence } from '../domain/invoice-format';

export interface InvoiceEmail {
  subject: string;
  html: string;
  /** The same facts for mail clients that do not show HTML. */
  text: string;
}

/** The e-mail that carries the invoice: its key facts in the body, the PDF attached beside it. */
export function renderInvoiceEmail(invoice: Invoice, seller: Seller): InvoiceEmail {
  const title = documentTitleOf(invoice);
  const money = (amountMinor: number) => formatAmount(amountMinor, invoice.currency);
  const facts: Array<[string, string]> = [
    [`${title} number`, invoice.invoiceRef],
    ['Period', formatPeriod(invoice.period)],
    ['Issue date', formatDate(invoice.issueDate)],
    ['Due date', formatDate(invoice.dueDate)],
    ...collectionFactsOf(invoice).map(([label, date]): [string, string] => [label, formatDate(date)]),
    ['Contract', invoice.contractRef],
    ['Total excl. VAT', money(invoice.totalWithoutTaxMinor)],
    ...invoice.vatBreakdown
      .filter((subtotal) => subtotal.vatCategoryCode === 'S' || subtotal.vatCategoryCode === 'Z')
      .map((subtotal): [string, string] => [`VAT ${vatLabelOf(subtotal, () => formatVatRate(subtotal.rateBasisPoints))}`, money(subtotal.taxMinor)]),
    ['Total incl. VAT', money(invoice.totalWithTaxMinor)],
    ...((invoice.prepaidAmountMinor ?? 0) > 0
      ? ([
          ['Credit deducted', money(-(invoice.prepaidAmountMinor ?? 0))],
          ['Amount due', money(amountDueOf(invoice))],
        ] as Array<[string, string]>)
      : []),
  ];
  const settlement = settlementSentence(settlementOf(invoice), invoice.currency);
  const greeting = `Dear ${recipientNameOf(invoice)},`;
  const intro = `please find attached ${title.toLowerCase()} ${invoice.invoiceRef} from ${seller.name} for ${formatPeriod(invoice.period)}.`;

  const rows = facts
    .map(
      ([label, value], index) =>
        `<tr><th align="left" style="padding:4px 16px 4px 0;font-weight:normal;color:#555">${escapeHtml(label)}</th>` +
        `<td align="right" style="padding:4px 0;${index === facts.length - 1 ? 'font-weight:bold' : ''}">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(`${title} ${invoice.invoiceRef}`)}</title></head>
<body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#222">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<table role="presentation" style="border-collapse:collapse;margin:16px 0">
${rows}
</table>
<p><strong>${escapeHtml(settlement)}</strong></p>
<p>The ${escapeHtml(title.toLowerCase())} is attached as ${escapeHtml(invoice.invoiceRef)}.pdf.</p>
<p style="color:#555">${escapeHtml(seller.name)}<br>${seller.addressLines.map(escapeHtml).join('<br>')}<br>VAT number ${escapeHtml(seller.vatNumber)}</p>
</body>
</html>
`;
  const width = Math.max(...facts.map(([label]) => label.length));
  const text = [
    greeting,
    '',
    intro,
    '',
    ...facts.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
    '',
    settlement,
    '',
    `The ${title.toLowerCase()} is attached as ${invoice.invoiceRef}.pdf.`,
    '',
    seller.name,
    ...seller.addressLines,
    `VAT number ${seller.vatNumber}`,
    '',
  ].join('\n');
  return { subject: `${seller.name}: ${title.toLowerCase()} ${invoice.invoiceRef} for ${formatPeriod(invoice.period)}`, html, text };
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Event data is text, never markup: a description such as "<b>" shows as typed. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}
