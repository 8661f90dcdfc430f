import {
  amountDueOf,
  collectionDayOf,
  invoiceLanguageOf,
  isMarginScheme,
  legalMentionsOf,
  settlementOf,
  vatLabelOf,
  type Invoice,
  type InvoiceLine,
  type Seller,
} from '../domain/invoice';
import { formatAmount, formatDate, formatPeriod, formatPeriodRange, formatShortDate, formatVatRate } from '../domain/invoice-format';
import { messagesOf, type InvoiceMessages } from '../domain/invoice-messages';
import type { Language } from '../domain/language';
import { facturXXmlOf } from './factur-x-pdf';
import { renderDocumentPdf, type PrintedColumn } from './render-document-pdf';

interface Column extends PrintedColumn {
  cell: (line: InvoiceLine, currency: string) => string;
}

// 515 points: the width of A4 between the margins.
function lineColumnsOf(messages: InvoiceMessages, language: Language): readonly Column[] {
  const { columns } = messages;
  const money = (amountMinor: number, currency: string) => formatAmount(amountMinor, currency, language);
  return [
    { header: columns.date, width: 48, align: 'left', cell: (line) => formatShortDate(line.operationDate, language) },
    {
      header: columns.description,
      width: 102,
      align: 'left',
      cell: (line) => `${line.operationType === 'REFUND' ? messages.refund : ''}${line.description}\n${messages.order(line.orderRef)}`,
    },
    { header: columns.traveller, width: 60, align: 'left', cell: (line) => line.traveller ?? '' },
    { header: columns.bookingRef, width: 52, align: 'left', cell: (line) => line.bookingRef ?? '' },
    { header: columns.costCentre, width: 45, align: 'left', cell: (line) => line.costCentre ?? '' },
    { header: columns.quantity, width: 22, align: 'right', cell: (line) => String(line.quantity) },
    { header: columns.unitPrice, width: 48, align: 'right', cell: (line, currency) => money(line.unitPriceWithoutTaxMinor, currency) },
    // A margin-scheme line shows no VAT: its price is all there is.
    { header: columns.amountWithoutTax, width: 50, align: 'right', cell: (line, currency) => (isMarginScheme(line) ? '' : money(line.amountWithoutTaxMinor, currency)) },
    { header: columns.vatRate, width: 32, align: 'right', cell: (line) => vatLabelOf(line, () => formatVatRate(line.vatRateBasisPoints, language), messages.vatLabels, true) },
    { header: columns.amountWithTax, width: 56, align: 'right', cell: (line, currency) => money(line.amountWithTaxMinor, currency) },
  ];
}

/**
 * The invoice (or a billing run's CREDIT_NOTE, refunds outweighing purchases) as an A4
 * PDF/A-3 Factur-X, in the invoice's language (layout in render-document-pdf.ts): dates and
 * period, one row per operation with traveller, booking and cost centre, the credit deducted
 * and the amount due, the SEPA pre-notification, and the legal terms (nature of the
 * operations, payment terms, discount, late-payment penalties). Everything comes from the
 * recorded invoice and the seller settings, so rendering the same invoice again yields the
 * same document, byte for byte.
 */
export async function renderInvoicePdf(invoice: Invoice, seller: Seller): Promise<Buffer> {
  const language = invoiceLanguageOf(invoice);
  const messages = messagesOf(language);
  const title = messages.documentTitle[invoice.invoiceType];
  const money = (amountMinor: number) => formatAmount(amountMinor, invoice.currency, language);
  const collectionDay = collectionDayOf(invoice);
  const prepaid = invoice.prepaidAmountMinor ?? 0;
  const settlement = settlementOf(invoice);
  const columns = lineColumnsOf(messages, language);
  return renderDocumentPdf(
    {
      ref: invoice.invoiceRef,
      title,
      language,
      messages,
      subject: `${title} ${invoice.invoiceRef} – ${formatPeriod(invoice.period, language)} – ${messages.contract} ${invoice.contractRef}`,
      issueDate: invoice.issueDate,
      headingFacts: [
        [messages.issueDate, formatDate(invoice.issueDate, language)],
        [messages.dueDate, formatDate(invoice.dueDate, language)],
        ...(collectionDay ? [[messages.directDebitOn, formatDate(collectionDay, language)] as const] : []),
        [messages.period, `${formatPeriod(invoice.period, language)} (${formatPeriodRange(invoice.period, language)})`],
        [messages.contract, invoice.contractRef],
      ],
      parties: invoice,
      columns,
      rows: invoice.lines.map((line) => columns.map((column) => column.cell(line, invoice.currency))),
      currency: invoice.currency,
      vatBreakdown: invoice.vatBreakdown,
      totals: [
        [messages.totalWithoutTax, money(invoice.totalWithoutTaxMinor)],
        [messages.totalTax, money(invoice.totalTaxMinor)],
        [messages.totalWithTax, money(invoice.totalWithTaxMinor)],
        ...(prepaid > 0 ? ([[messages.creditDeducted, money(-prepaid)], [messages.amountDue, money(amountDueOf(invoice))]] as const) : []),
      ],
      settlementLines: [
        messages.settlement(settlement, invoice.currency),
        ...(settlement.kind === 'direct-debit' ? [messages.creditorAndMandate(seller.sepaCreditorId, settlement.mandateRef)] : []),
      ],
      legalMentions: legalMentionsOf(invoice, seller, messages),
      facturXXml: await facturXXmlOf(invoice, seller),
    },
    seller,
  );
}
