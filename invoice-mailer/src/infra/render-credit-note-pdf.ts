import { correctedInvoiceDateOf, creditNoteLanguageOf, creditNoteMentionsOf, type CreditNoteDocument } from '../domain/credit-note';
import { isMarginScheme, vatLabelOf, type Seller } from '../domain/invoice';
import { formatAmount, formatDate, formatPeriod, formatVatRate } from '../domain/invoice-format';
import { messagesOf } from '../domain/invoice-messages';
import { facturXXmlOfCreditNote } from './factur-x-pdf';
import { renderDocumentPdf, type PrintedColumn } from './render-document-pdf';

/**
 * The credit note as an A4 PDF/A-3 Factur-X (type 381), in its own language, laid out as the
 * invoices are (render-document-pdf.ts): titled "Avoir" / "Credit note", the corrected
 * invoice's number and date under its own, the reason, one row per line credited, VAT per
 * category and rate, the amount credited and that nothing is debited. It is addressed to the
 * parties of the invoice it corrects, as recorded when that invoice arrived. Rendering the
 * same credit note again yields the same document, byte for byte.
 */
export async function renderCreditNotePdf(document: CreditNoteDocument, seller: Seller): Promise<Buffer> {
  const { creditNote, invoice } = document;
  const language = creditNoteLanguageOf(creditNote);
  const messages = messagesOf(language);
  const title = messages.documentTitle.CREDIT_NOTE;
  const money = (amountMinor: number) => formatAmount(amountMinor, creditNote.currency, language);
  const invoiceDate = formatDate(correctedInvoiceDateOf(document), language);
  const labels = messages.creditNote.columns;
  const columns: PrintedColumn[] = [
    { header: labels.lineNumber, width: 30, align: 'left' },
    { header: labels.description, width: 225, align: 'left' },
    { header: labels.vatRate, width: 60, align: 'right' },
    { header: labels.amountWithoutTax, width: 70, align: 'right' },
    { header: labels.vat, width: 60, align: 'right' },
    { header: labels.amountWithTax, width: 70, align: 'right' },
  ];
  return renderDocumentPdf(
    {
      ref: creditNote.creditNoteRef,
      title,
      language,
      messages,
      subject: `${title} ${creditNote.creditNoteRef} – ${messages.creditNote.correctedInvoice} ${creditNote.invoiceRef} – ${messages.contract} ${invoice.contractRef}`,
      issueDate: creditNote.issueDate,
      headingFacts: [
        [messages.issueDate, formatDate(creditNote.issueDate, language)],
        [messages.creditNote.correctedInvoice, creditNote.invoiceRef],
        [messages.creditNote.correctedInvoiceDate, invoiceDate],
        [messages.period, formatPeriod(invoice.period, language)],
        [messages.contract, invoice.contractRef],
        [messages.creditNote.reason, creditNote.reason],
      ],
      parties: invoice,
      columns,
      rows: creditNote.lines.map((line) => [
        String(line.lineNumber),
        line.description,
        vatLabelOf(line, () => formatVatRate(line.vatRateBasisPoints, language), messages.vatLabels, true),
        // A margin-scheme line shows no VAT: its price is all there is.
        isMarginScheme(line) ? '' : money(line.amountWithoutTaxMinor),
        isMarginScheme(line) ? '' : money(line.taxMinor),
        money(line.amountWithTaxMinor),
      ]),
      currency: creditNote.currency,
      vatBreakdown: creditNote.vatBreakdown,
      totals: [
        [messages.totalWithoutTax, money(creditNote.totalWithoutTaxMinor)],
        [messages.totalTax, money(creditNote.totalTaxMinor)],
        [messages.totalWithTax, money(creditNote.totalWithTaxMinor)],
      ],
      settlementLines: [messages.creditNote.settlement(creditNote.totalWithTaxMinor, creditNote.currency)],
      legalMentions: creditNoteMentionsOf(document, seller, messages, invoiceDate),
      facturXXml: await facturXXmlOfCreditNote(document, seller),
    },
    seller,
  );
}
