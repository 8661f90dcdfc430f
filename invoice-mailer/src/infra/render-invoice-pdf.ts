import PDFDocument from 'pdfkit';
import { billingAddressLinesOf, collectionFactsOf, documentTitleOf, recipientNameOf, settlementOf, type Invoice, type InvoiceLine, type Seller } from '../domain/invoice';
import { formatAmount, formatDate, formatPeriod, formatPeriodRange, formatVatRate, settlementSentence } from '../domain/invoice-format';
import { embedFacturX, escapeInfoInXmp, facturXXmlOf, PDF_A3_OPTIONS } from './factur-x-pdf';
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

// 515 points: the width of A4 between the margins.
const LINE_COLUMNS: readonly Column[] = [
  { header: 'Date', width: 48, align: 'left', cell: (line) => formatDate(line.operationDate) },
  {
    header: 'Description',
    width: 102,
    align: 'left',
    cell: (line) => `${line.operationType === 'REFUND' ? 'Refund: ' : ''}${line.description}\nOrder ${line.orderRef}`,
  },
  { header: 'Traveller', width: 60, align: 'left', cell: (line) => line.traveller ?? '' },
  { header: 'Booking ref', width: 52, align: 'left', cell: (line) => line.bookingRef ?? '' },
  { header: 'Cost centre', width: 45, align: 'left', cell: (line) => line.costCentre ?? '' },
  { header: 'Qty', width: 22, align: 'right', cell: (line) => String(line.quantity) },
  { header: 'Unit price excl. VAT', width: 48, align: 'right', cell: (line, currency) => formatAmount(line.unitPriceWithoutTaxMinor, currency) },
  { header: 'Amount excl. VAT', width: 50, align: 'right', cell: (line, currency) => formatAmount(line.amountWithoutTaxMinor, currency) },
  { header: 'VAT rate', width: 32, align: 'right', cell: (line) => formatVatRate(line.vatRateBasisPoints) },
  { header: 'Amount incl. VAT', width: 56, align: 'right', cell: (line, currency) => formatAmount(line.amountWithTaxMinor, currency) },
];

/**
 * The invoice (or credit note) as an A4 PDF/A-3 Factur-X (its EN 16931 XML embedded, see
 * factur-x-pdf.ts): seller and customer, dates and period, one row
 * per line (pages added as needed, the header row repeated), VAT per rate, totals, and how it
 * is settled. Everything comes from the recorded invoice and the seller settings, dates
 * included, so rendering the same invoice again yields the same document, byte for byte.
 */
export async function renderInvoicePdf(invoice: Invoice, seller: Seller): Promise<Buffer> {
  const title = documentTitleOf(invoice);
  const issuedAt = new Date(`${invoice.issueDate}T00:00:00.000Z`);
  const facturX = await facturXXmlOf(invoice, seller);
  const doc = new PDFDocument({
    ...PDF_A3_OPTIONS,
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin + PAGE.footerHeight },
    bufferPages: true,
    info: {
      Title: `${title} ${invoice.invoiceRef}`,
      Author: seller.name,
      Subject: `${title} ${invoice.invoiceRef} – ${formatPeriod(invoice.period)} – contract ${invoice.contractRef}`,
      CreationDate: Number.isNaN(issuedAt.getTime()) ? new Date(0) : issuedAt,
    },
  });
  useInvoiceFonts(doc);
  escapeInfoInXmp(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let y = drawHeading(doc, invoice, seller, title);
  y = drawParties(doc, invoice, y + 18);
  y = drawLines(doc, invoice, y + 18);
  y = drawVatAndTotals(doc, invoice, y + 14);
  drawSettlement(doc, invoice, seller, y + 14);
  drawFooters(doc, invoice, seller, title);
  if (facturX !== undefined) embedFacturX(doc, facturX, Number.isNaN(issuedAt.getTime()) ? new Date(0) : issuedAt);
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
function drawHeading(doc: Doc, invoice: Invoice, seller: Seller, title: string): number {
  const left = PAGE.margin;
  const right = PAGE.margin + 290;
  const rightWidth = contentWidth(doc) - 290;

  doc.font(BOLD).fontSize(14).fillColor('black').text(seller.name, left, PAGE.margin, { width: 270 });
  doc.font(REGULAR).fontSize(9);
  for (const line of seller.addressLines) doc.text(line, { width: 270 });
  doc.text(`VAT number: ${seller.vatNumber}`, { width: 270 });
  const leftBottom = doc.y;

  doc.font(BOLD).fontSize(20).text(title, right, PAGE.margin, { width: rightWidth, align: 'right' });
  doc.fontSize(11).text(`No. ${invoice.invoiceRef}`, { width: rightWidth, align: 'right' });
  doc.moveDown(0.3).font(REGULAR).fontSize(9);
  const facts = [
    `Issue date: ${formatDate(invoice.issueDate)}`,
    `Due date: ${formatDate(invoice.dueDate)}`,
    ...collectionFactsOf(invoice).map(([label, date]) => `${label}: ${formatDate(date)}`),
    `Period: ${formatPeriod(invoice.period)} (${formatPeriodRange(invoice.period)})`,
    `Contract: ${invoice.contractRef}`,
  ];
  for (const fact of facts) doc.text(fact, { width: rightWidth, align: 'right' });
  return Math.max(leftBottom, doc.y);
}

/** The customer (who is billed, with its tax identifiers) and where the invoice goes. */
function drawParties(doc: Doc, invoice: Invoice, top: number): number {
  const half = (contentWidth(doc) - 20) / 2;
  const { customer, billingContact } = invoice;
  const customerLines = [
    customer.customerRef ? `Customer reference: ${customer.customerRef}` : undefined,
    customer.vatNumber ? `VAT number: ${customer.vatNumber}` : undefined,
    customer.siren ? `SIREN: ${customer.siren}` : undefined,
  ].filter((line): line is string => line !== undefined);
  const addressLines = [...billingAddressLinesOf(invoice), `Attn: ${recipientNameOf(invoice)} <${billingContact.email}>`];

  const leftBottom = drawBlock(doc, 'Customer', customer.subscriberRef, customerLines, PAGE.margin, top, half);
  const rightBottom = drawBlock(doc, 'Billing address', undefined, addressLines, PAGE.margin + half + 20, top, half);
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

function drawLines(doc: Doc, invoice: Invoice, top: number): number {
  let y = drawLineHeader(doc, top);
  doc.font(REGULAR).fontSize(7.5);
  for (const line of invoice.lines) {
    const cells = LINE_COLUMNS.map((column) => column.cell(line, invoice.currency));
    const height = rowHeight(doc, cells);
    if (y + height > bottomOf(doc)) {
      doc.addPage();
      y = drawLineHeader(doc, PAGE.margin);
      doc.font(REGULAR).fontSize(7.5);
    }
    drawRow(doc, cells, y, height);
    y += height;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + contentWidth(doc), y).lineWidth(0.5).strokeColor(RULE).stroke();
  }
  if (invoice.lines.length === 0) {
    doc.font(OBLIQUE).fontSize(8).fillColor(GREY).text('No lines.', PAGE.margin + CELL_PADDING, y + CELL_PADDING);
    doc.fillColor('black');
    y += 16;
  }
  return y;
}

function drawLineHeader(doc: Doc, top: number): number {
  doc.font(BOLD).fontSize(7);
  const cells = LINE_COLUMNS.map((column) => column.header);
  const height = rowHeight(doc, cells);
  doc.rect(PAGE.margin, top, contentWidth(doc), height).fill(HEADER_FILL);
  doc.fillColor('black');
  drawRow(doc, cells, top, height);
  return top + height;
}

function rowHeight(doc: Doc, cells: readonly string[]): number {
  const heights = cells.map((text, index) => doc.heightOfString(text === '' ? ' ' : text, { width: (LINE_COLUMNS[index]?.width ?? 0) - CELL_PADDING * 2 }));
  return Math.max(...heights) + CELL_PADDING * 2;
}

function drawRow(doc: Doc, cells: readonly string[], top: number, height: number): void {
  let x = PAGE.margin;
  cells.forEach((text, index) => {
    const column = LINE_COLUMNS[index];
    if (!column) return;
    if (text !== '') doc.text(text, x + CELL_PADDING, top + CELL_PADDING, { width: column.width - CELL_PADDING * 2, align: column.align, height });
    x += column.width;
  });
}

/** VAT per rate on the left, the three totals on the right. */
function drawVatAndTotals(doc: Doc, invoice: Invoice, top: number): number {
  const money = (amountMinor: number) => formatAmount(amountMinor, invoice.currency);
  const rowsNeeded = Math.max(invoice.vatBreakdown.length + 1, 3);
  if (top + rowsNeeded * 14 + 10 > bottomOf(doc)) {
    doc.addPage();
    top = PAGE.margin;
  }
  const vatColumns = [70, 90, 80];
  const vatRows = [
    ['VAT rate', 'Base excl. VAT', 'VAT'],
    ...invoice.vatBreakdown.map((subtotal) => [formatVatRate(subtotal.rateBasisPoints), money(subtotal.baseMinor), money(subtotal.taxMinor)]),
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
    ['Total excl. VAT', money(invoice.totalWithoutTaxMinor)],
    ['Total VAT', money(invoice.totalTaxMinor)],
    ['Total incl. VAT', money(invoice.totalWithTaxMinor)],
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

function drawSettlement(doc: Doc, invoice: Invoice, seller: Seller, top: number): void {
  const settlement = settlementOf(invoice);
  const lines = [settlementSentence(settlement, invoice.currency)];
  if (settlement.kind === 'direct-debit') lines.push(`SEPA creditor identifier: ${seller.sepaCreditorId}. Mandate reference: ${settlement.mandateRef}.`);
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
}

/** Legal notice and "page n / total" on every page, in the bottom margin. */
function drawFooters(doc: Doc, invoice: Invoice, seller: Seller, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const top = doc.page.height - PAGE.margin - PAGE.footerHeight + 14;
    doc.moveTo(PAGE.margin, top - 6).lineTo(PAGE.margin + contentWidth(doc), top - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font(REGULAR).fontSize(7).fillColor(GREY);
    doc.text(`${seller.name} – ${seller.legalNotice}`.trim(), PAGE.margin, top, { width: contentWidth(doc) - 170 });
    doc.text(`${title} ${invoice.invoiceRef} – page ${index - start + 1} / ${count}`, PAGE.margin + contentWidth(doc) - 160, top, { width: 160, align: 'right' });
    doc.fillColor('black');
    doc.page.margins.bottom = bottomMargin;
  }
}
