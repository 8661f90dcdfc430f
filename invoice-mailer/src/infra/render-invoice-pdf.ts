import PDFDocument from 'pdfkit';
import {
  billingAddressLinesOf,
  collectionDayOf,
  companyRegistrationOf,
  invoiceLanguageOf,
  legalMentionsOf,
  recipientNameOf,
  settlementOf,
  type Invoice,
  type InvoiceLine,
  type Seller,
} from '../domain/invoice';
import { formatAmount, formatDate, formatPeriod, formatPeriodRange, formatShortDate, formatVatRate } from '../domain/invoice-format';
import { messagesOf, type InvoiceMessages } from '../domain/invoice-messages';
import type { Language } from '../domain/language';
import { FACES, useInvoiceFonts } from './invoice-fonts';

type Doc = PDFKit.PDFDocument;

const PAGE = { margin: 40, footerHeight: 50 };
const GREY = '#555555';
const RULE = '#bbbbbb';
const HEADER_FILL = '#eeeeee';
const CELL_PADDING = 3;

const REGULAR = FACES.regular.name;
const BOLD = FACES.bold.name;
const OBLIQUE = FACES.oblique.name;

interface Column {
  header: string;
  width: number;
  align: 'left' | 'right';
  cell: (line: InvoiceLine, currency: string) => string;
}

/** What the rendering of one invoice needs besides the invoice: its language, its texts, the seller. */
interface Context {
  invoice: Invoice;
  seller: Seller;
  language: Language;
  messages: InvoiceMessages;
  columns: readonly Column[];
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
    { header: columns.amountWithoutTax, width: 50, align: 'right', cell: (line, currency) => money(line.amountWithoutTaxMinor, currency) },
    { header: columns.vatRate, width: 32, align: 'right', cell: (line) => formatVatRate(line.vatRateBasisPoints, language) },
    { header: columns.amountWithTax, width: 56, align: 'right', cell: (line, currency) => money(line.amountWithTaxMinor, currency) },
  ];
}

/**
 * The invoice (or credit note) as an A4 PDF, in the invoice's language: seller and customer
 * with their legal identifiers, dates and period, one row per line (pages added as needed, the
 * header row repeated), VAT per rate, totals, how it is settled, and the legal terms (nature of
 * the operations, payment terms, discount, late-payment penalties). Everything comes from the
 * recorded invoice and the seller settings, dates included, so rendering the same invoice
 * again yields the same document, byte for byte.
 */
export function renderInvoicePdf(invoice: Invoice, seller: Seller): Promise<Buffer> {
  const language = invoiceLanguageOf(invoice);
  const messages = messagesOf(language);
  const context: Context = { invoice, seller, language, messages, columns: lineColumnsOf(messages, language) };
  const title = messages.documentTitle[invoice.invoiceType];
  const issuedAt = new Date(`${invoice.issueDate}T00:00:00.000Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin + PAGE.footerHeight },
    bufferPages: true,
    info: {
      Title: `${title} ${invoice.invoiceRef}`,
      Author: seller.name,
      Subject: `${title} ${invoice.invoiceRef} – ${formatPeriod(invoice.period, language)} – ${messages.contract} ${invoice.contractRef}`,
      CreationDate: Number.isNaN(issuedAt.getTime()) ? new Date(0) : issuedAt,
    },
    lang: language,
  });
  useInvoiceFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let y = drawHeading(doc, context, title);
  y = drawParties(doc, context, y + 18);
  y = drawLines(doc, context, y + 18);
  y = drawVatAndTotals(doc, context, y + 14);
  y = drawSettlement(doc, context, y + 14);
  drawLegalTerms(doc, context, y + 10);
  drawFooters(doc, context, title);
  doc.end();
  return done;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - PAGE.margin * 2;
}

function bottomOf(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Seller on the left; title, number and dates on the right. Returns the y below both. */
function drawHeading(doc: Doc, { invoice, seller, language, messages }: Context, title: string): number {
  const left = PAGE.margin;
  const right = PAGE.margin + 290;
  const rightWidth = contentWidth(doc) - 290;

  doc.font(BOLD).fontSize(14).fillColor('black').text(seller.name, left, PAGE.margin, { width: 270 });
  doc.font(REGULAR).fontSize(9);
  for (const line of seller.addressLines) doc.text(line, { width: 270 });
  const sellerIds = [
    `${messages.vatNumber}: ${seller.vatNumber}`,
    seller.siret ? `${messages.siret}: ${seller.siret}` : seller.siren ? `${messages.siren}: ${seller.siren}` : undefined,
    companyRegistrationOf(seller, language, messages) || undefined,
  ];
  for (const line of sellerIds) if (line) doc.text(localised(line, language), { width: 270 });
  const leftBottom = doc.y;

  doc.font(BOLD).fontSize(20).text(title, right, PAGE.margin, { width: rightWidth, align: 'right' });
  doc.fontSize(11).text(messages.number(invoice.invoiceRef), { width: rightWidth, align: 'right' });
  doc.moveDown(0.3).font(REGULAR).fontSize(9);
  const collectionDay = collectionDayOf(invoice);
  const facts: Array<[string, string]> = [
    [messages.issueDate, formatDate(invoice.issueDate, language)],
    [messages.dueDate, formatDate(invoice.dueDate, language)],
    ...(collectionDay ? [[messages.directDebitOn, formatDate(collectionDay, language)] as [string, string]] : []),
    [messages.period, `${formatPeriod(invoice.period, language)} (${formatPeriodRange(invoice.period, language)})`],
    [messages.contract, invoice.contractRef],
  ];
  for (const [label, value] of facts) doc.text(localised(`${label}: ${value}`, language), { width: rightWidth, align: 'right' });
  return Math.max(leftBottom, doc.y);
}

/** The customer (who is billed, with its tax identifiers) and where the invoice goes. */
function drawParties(doc: Doc, { invoice, language, messages }: Context, top: number): number {
  const half = (contentWidth(doc) - 20) / 2;
  const { customer, billingContact } = invoice;
  const customerLines = [
    customer.customerRef ? `${messages.customerReference}: ${customer.customerRef}` : undefined,
    customer.vatNumber ? `${messages.vatNumber}: ${customer.vatNumber}` : undefined,
    customer.siren ? `${messages.siren}: ${customer.siren}` : undefined,
  ]
    .filter((line): line is string => line !== undefined)
    .map((line) => localised(line, language));
  const addressLines = [...billingAddressLinesOf(invoice), localised(`${messages.attention}: ${recipientNameOf(invoice)} <${billingContact.email}>`, language)];

  const leftBottom = drawBlock(doc, messages.customer, customer.subscriberRef, customerLines, PAGE.margin, top, half);
  const rightBottom = drawBlock(doc, messages.billingAddress, undefined, addressLines, PAGE.margin + half + 20, top, half);
  return Math.max(leftBottom, rightBottom);
}

function drawBlock(doc: Doc, label: string, heading: string | undefined, lines: readonly string[], x: number, top: number, width: number): number {
  doc.font(REGULAR).fontSize(8).fillColor(GREY).text(label.toUpperCase(), x, top, { width });
  doc.fillColor('black');
  if (heading) doc.font(BOLD).fontSize(10).text(heading, { width });
  doc.font(REGULAR).fontSize(9);
  for (const line of lines) doc.text(line, { width });
  return doc.y;
}

function drawLines(doc: Doc, { invoice, messages, columns }: Context, top: number): number {
  let y = drawLineHeader(doc, columns, top);
  doc.font(REGULAR).fontSize(7.5);
  for (const line of invoice.lines) {
    const cells = columns.map((column) => column.cell(line, invoice.currency));
    const height = rowHeight(doc, columns, cells);
    if (y + height > bottomOf(doc)) {
      doc.addPage();
      y = drawLineHeader(doc, columns, PAGE.margin);
      doc.font(REGULAR).fontSize(7.5);
    }
    drawRow(doc, columns, cells, y, height);
    y += height;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + contentWidth(doc), y).lineWidth(0.5).strokeColor(RULE).stroke();
  }
  if (invoice.lines.length === 0) {
    doc.font(OBLIQUE).fontSize(8).fillColor(GREY).text(messages.noLines, PAGE.margin + CELL_PADDING, y + CELL_PADDING);
    doc.fillColor('black');
    y += 16;
  }
  return y;
}

function drawLineHeader(doc: Doc, columns: readonly Column[], top: number): number {
  doc.font(BOLD).fontSize(7);
  const cells = columns.map((column) => column.header);
  const height = rowHeight(doc, columns, cells);
  doc.rect(PAGE.margin, top, contentWidth(doc), height).fill(HEADER_FILL);
  doc.fillColor('black');
  drawRow(doc, columns, cells, top, height);
  return top + height;
}

function rowHeight(doc: Doc, columns: readonly Column[], cells: readonly string[]): number {
  const heights = cells.map((text, index) => doc.heightOfString(text === '' ? ' ' : text, { width: (columns[index]?.width ?? 0) - CELL_PADDING * 2 }));
  return Math.max(...heights) + CELL_PADDING * 2;
}

function drawRow(doc: Doc, columns: readonly Column[], cells: readonly string[], top: number, height: number): void {
  let x = PAGE.margin;
  cells.forEach((text, index) => {
    const column = columns[index];
    if (!column) return;
    if (text !== '') doc.text(text, x + CELL_PADDING, top + CELL_PADDING, { width: column.width - CELL_PADDING * 2, align: column.align, height });
    x += column.width;
  });
}

/** VAT per rate on the left, the three totals on the right. */
function drawVatAndTotals(doc: Doc, { invoice, language, messages }: Context, top: number): number {
  const money = (amountMinor: number) => formatAmount(amountMinor, invoice.currency, language);
  const rowsNeeded = Math.max(invoice.vatBreakdown.length + 1, 3);
  if (top + rowsNeeded * 14 + 10 > bottomOf(doc)) {
    doc.addPage();
    top = PAGE.margin;
  }
  const vatColumns = [70, 90, 80];
  const vatRows = [
    [messages.columns.vatRate, messages.baseWithoutTax, messages.vat],
    ...invoice.vatBreakdown.map((subtotal) => [formatVatRate(subtotal.rateBasisPoints, language), money(subtotal.baseMinor), money(subtotal.taxMinor)]),
  ];
  vatRows.forEach((row, rowIndex) => {
    let x = PAGE.margin;
    doc.font(rowIndex === 0 ? BOLD : REGULAR).fontSize(8);
    row.forEach((text, index) => {
      const width = vatColumns[index] ?? 0;
      doc.text(text, x, top + rowIndex * 14, { width, align: index === 0 ? 'left' : 'right' });
      x += width;
    });
  });

  const labelX = PAGE.margin + contentWidth(doc) - 240;
  const totals: Array<[string, string]> = [
    [messages.totalWithoutTax, money(invoice.totalWithoutTaxMinor)],
    [messages.totalTax, money(invoice.totalTaxMinor)],
    [messages.totalWithTax, money(invoice.totalWithTaxMinor)],
  ];
  totals.forEach(([label, value], index) => {
    const last = index === totals.length - 1;
    const rowTop = top + index * 14;
    doc.font(last ? BOLD : REGULAR).fontSize(last ? 10 : 9);
    doc.text(label, labelX, rowTop, { width: 130 });
    doc.text(value, labelX + 130, rowTop, { width: 110, align: 'right' });
  });
  return top + rowsNeeded * 14;
}

/** The settlement box; returns the y below it. */
function drawSettlement(doc: Doc, { invoice, seller, messages }: Context, top: number): number {
  const settlement = settlementOf(invoice);
  const lines = [messages.settlement(settlement, invoice.currency)];
  if (settlement.kind === 'direct-debit') lines.push(messages.creditorAndMandate(seller.sepaCreditorId, settlement.mandateRef));
  doc.font(REGULAR).fontSize(9);
  const width = contentWidth(doc) - 16;
  const height = lines.reduce((sum, line) => sum + doc.heightOfString(line, { width }), 0) + 16;
  if (top + height > bottomOf(doc)) {
    doc.addPage();
    top = PAGE.margin;
  }
  doc.rect(PAGE.margin, top, contentWidth(doc), height).lineWidth(0.8).strokeColor(RULE).stroke();
  doc.fillColor('black').text(lines[0] ?? '', PAGE.margin + 8, top + 8, { width });
  for (const line of lines.slice(1)) doc.text(line, { width });
  return top + height;
}

/** The legal terms under the settlement: a heading, then one short paragraph per mention. */
function drawLegalTerms(doc: Doc, { invoice, seller, messages }: Context, top: number): void {
  const lines = legalMentionsOf(invoice, seller, messages);
  const width = contentWidth(doc);
  doc.font(REGULAR).fontSize(7.5);
  const height = lines.reduce((sum, line) => sum + doc.heightOfString(line, { width }), 0) + 14;
  if (top + height > bottomOf(doc)) {
    doc.addPage();
    top = PAGE.margin;
  }
  doc.font(BOLD).fontSize(8).fillColor('black').text(messages.legalTermsHeading, PAGE.margin, top, { width });
  doc.font(REGULAR).fontSize(7.5);
  for (const line of lines) doc.text(line, { width });
}

/** Legal notice and "page n / total" on every page, in the bottom margin. */
function drawFooters(doc: Doc, { invoice, seller, language, messages }: Context, title: string): void {
  const registration = companyRegistrationOf(seller, language, messages);
  const footer = [seller.name, registration, `${messages.vatNumber} ${seller.vatNumber}`, seller.legalNotice].filter((part) => part.trim() !== '').join(' – ');
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const top = doc.page.height - PAGE.margin - PAGE.footerHeight + 14;
    doc.moveTo(PAGE.margin, top - 6).lineTo(PAGE.margin + contentWidth(doc), top - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font(REGULAR).fontSize(7).fillColor(GREY);
    doc.text(footer, PAGE.margin, top, { width: contentWidth(doc) - 170 });
    doc.text(`${title} ${invoice.invoiceRef} – ${messages.page(index - start + 1, count)}`, PAGE.margin + contentWidth(doc) - 160, top, { width: 160, align: 'right' });
    doc.fillColor('black');
    doc.page.margins.bottom = bottomMargin;
  }
}

/** French puts a (no-break) space before a colon; English does not. */
function localised(labelled: string, language: Language): string {
  return language === 'fr' ? labelled.replace(/^([^:]*?): /, '$1\u00a0: ') : labelled;
}
