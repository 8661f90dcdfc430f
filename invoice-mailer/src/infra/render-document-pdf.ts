import PDFDocument from 'pdfkit';
import { billingAddressLinesOf, companyRegistrationOf, isMarginScheme, recipientNameOf, vatLabelOf, vatMentionsOf, type Invoice, type Seller, type VatSubtotal } from '../domain/invoice';
import { formatAmount, formatVatRate } from '../domain/invoice-format';
import type { InvoiceMessages } from '../domain/invoice-messages';
import type { Language } from '../domain/language';
import { embedFacturX, escapeInfoInXmp, PDF_A3_OPTIONS } from './factur-x-pdf';
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

/** A column of the lines' table; 515 points (the width of A4 between the margins) in all. */
export interface PrintedColumn {
  header: string;
  width: number;
  align: 'left' | 'right';
}

/**
 * What an invoice or a credit note prints, already worded in its language: the layout below
 * is the same for both (seller, parties, lines, VAT per category and rate, totals, settlement,
 * legal terms, footers); only what fills it differs.
 */
export interface PrintedDocument {
  ref: string;
  title: string;
  language: Language;
  messages: InvoiceMessages;
  /** The document information's subject. */
  subject: string;
  /** YYYY-MM-DD: the PDF's and the embedded file's dates, so a reprint is byte for byte the same. */
  issueDate: string;
  /** Label and value under the number, on the right of the heading. */
  headingFacts: ReadonlyArray<readonly [string, string]>;
  /** Whose customer, billing contact and billing address the document is addressed to. */
  parties: Invoice;
  columns: readonly PrintedColumn[];
  /** One row of cells per line, one cell per column. */
  rows: ReadonlyArray<readonly string[]>;
  currency: string;
  vatBreakdown: ReadonlyArray<Pick<VatSubtotal, 'rateBasisPoints' | 'baseMinor' | 'taxMinor' | 'vatCategoryCode' | 'vatExemptionReasonCode' | 'vatExemptionReason'>>;
  totals: ReadonlyArray<readonly [string, string]>;
  settlementLines: readonly string[];
  legalMentions: readonly string[];
  /** The EN 16931 XML embedded as factur-x.xml; none for a document without lines. */
  facturXXml: string | undefined;
}

interface Context {
  printable: PrintedDocument;
  seller: Seller;
  language: Language;
  messages: InvoiceMessages;
}

/**
 * The document as an A4 PDF/A-3 Factur-X (its EN 16931 XML embedded, see factur-x-pdf.ts):
 * seller and customer with their legal identifiers, number and dates, one row per line (pages
 * added as needed, the header row repeated), VAT per category and rate, totals, how it is
 * settled, and the legal terms. Everything comes from what is printed and the seller
 * settings, dates included, so rendering the same document again yields the same bytes.
 */
export async function renderDocumentPdf(printable: PrintedDocument, seller: Seller): Promise<Buffer> {
  const { language, messages, title } = printable;
  const context: Context = { printable, seller, language, messages };
  const issuedAt = new Date(`${printable.issueDate}T00:00:00.000Z`);
  const fixedDate = Number.isNaN(issuedAt.getTime()) ? new Date(0) : issuedAt;
  const doc = new PDFDocument({
    ...PDF_A3_OPTIONS,
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin + PAGE.footerHeight },
    bufferPages: true,
    info: { Title: `${title} ${printable.ref}`, Author: seller.name, Subject: printable.subject, CreationDate: fixedDate },
    lang: language,
  });
  useInvoiceFonts(doc);
  escapeInfoInXmp(doc);
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
  if (printable.facturXXml !== undefined) embedFacturX(doc, printable.facturXXml, fixedDate);
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
function drawHeading(doc: Doc, { printable, seller, language, messages }: Context, title: string): number {
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
  doc.fontSize(11).text(messages.number(printable.ref), { width: rightWidth, align: 'right' });
  doc.moveDown(0.3).font(REGULAR).fontSize(9);
  for (const [label, value] of printable.headingFacts) doc.text(localised(`${label}: ${value}`, language), { width: rightWidth, align: 'right' });
  return Math.max(leftBottom, doc.y);
}

/** The customer (who is billed, with its tax identifiers) and where the document goes. */
function drawParties(doc: Doc, { printable, language, messages }: Context, top: number): number {
  const half = (contentWidth(doc) - 20) / 2;
  const invoice = printable.parties;
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

function drawLines(doc: Doc, { printable, messages }: Context, top: number): number {
  const { columns } = printable;
  let y = drawLineHeader(doc, columns, top);
  doc.font(REGULAR).fontSize(7.5);
  for (const cells of printable.rows) {
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
  if (printable.rows.length === 0) {
    doc.font(OBLIQUE).fontSize(8).fillColor(GREY).text(messages.noLines, PAGE.margin + CELL_PADDING, y + CELL_PADDING);
    doc.fillColor('black');
    y += 16;
  }
  return y;
}

function drawLineHeader(doc: Doc, columns: readonly PrintedColumn[], top: number): number {
  doc.font(BOLD).fontSize(7);
  const cells = columns.map((column) => column.header);
  const height = rowHeight(doc, columns, cells);
  doc.rect(PAGE.margin, top, contentWidth(doc), height).fill(HEADER_FILL);
  doc.fillColor('black');
  drawRow(doc, columns, cells, top, height);
  return top + height;
}

function rowHeight(doc: Doc, columns: readonly PrintedColumn[], cells: readonly string[]): number {
  const heights = cells.map((text, index) => doc.heightOfString(text === '' ? ' ' : text, { width: (columns[index]?.width ?? 0) - CELL_PADDING * 2 }));
  return Math.max(...heights) + CELL_PADDING * 2;
}

function drawRow(doc: Doc, columns: readonly PrintedColumn[], cells: readonly string[], top: number, height: number): void {
  let x = PAGE.margin;
  cells.forEach((text, index) => {
    const column = columns[index];
    if (!column) return;
    if (text !== '') doc.text(text, x + CELL_PADDING, top + CELL_PADDING, { width: column.width - CELL_PADDING * 2, align: column.align, height });
    x += column.width;
  });
}

/**
 * VAT per category and rate on the left, the totals on the right (with the credit deducted
 * and the amount due when credit notes were deducted), then the mentions untaxed lines
 * require (the margin scheme's, an exemption's provision).
 */
function drawVatAndTotals(doc: Doc, { printable, language, messages }: Context, top: number): number {
  const money = (amountMinor: number) => formatAmount(amountMinor, printable.currency, language);
  const { totals, vatBreakdown } = printable;
  const mentions = vatMentionsOf(printable);
  const rowsNeeded = Math.max(vatBreakdown.length + 1, totals.length);
  if (top + rowsNeeded * 14 + mentions.length * 12 + 10 > bottomOf(doc)) {
    doc.addPage();
    top = PAGE.margin;
  }
  const vatColumns = [70, 90, 80];
  const vatRows = [
    [messages.columns.vatRate, messages.baseWithoutTax, messages.vat],
    ...vatBreakdown.map((subtotal) => [
      vatLabelOf(subtotal, () => formatVatRate(subtotal.rateBasisPoints, language), messages.vatLabels),
      money(subtotal.baseMinor),
      isMarginScheme(subtotal) ? '–' : money(subtotal.taxMinor),
    ]),
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
  totals.forEach(([label, value], index) => {
    const last = index === totals.length - 1;
    const rowTop = top + index * 14;
    doc.font(last ? BOLD : REGULAR).fontSize(last ? 10 : 9);
    doc.text(label, labelX, rowTop, { width: 130 });
    doc.text(value, labelX + 130, rowTop, { width: 110, align: 'right' });
  });
  let y = top + rowsNeeded * 14;
  if (mentions.length > 0) {
    doc.font(REGULAR).fontSize(8).fillColor('black');
    doc.text(mentions[0] ?? '', PAGE.margin, y + 4, { width: contentWidth(doc) });
    for (const mention of mentions.slice(1)) doc.text(mention, { width: contentWidth(doc) });
    y = doc.y;
  }
  return y;
}

/** The settlement box; returns the y below it. */
function drawSettlement(doc: Doc, { printable }: Context, top: number): number {
  const lines = printable.settlementLines;
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
function drawLegalTerms(doc: Doc, { printable, messages }: Context, top: number): void {
  const lines = printable.legalMentions;
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
function drawFooters(doc: Doc, { printable, seller, language, messages }: Context, title: string): void {
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
    doc.text(`${title} ${printable.ref} – ${messages.page(index - start + 1, count)}`, PAGE.margin + contentWidth(doc) - 160, top, { width: 160, align: 'right' });
    doc.fillColor('black');
    doc.page.margins.bottom = bottomMargin;
  }
}

/** French puts a (no-break) space before a colon; English does not. */
export function localised(labelled: string, language: Language): string {
  return language === 'fr' ? labelled.replace(/^([^:]*?): /, '$1\u00a0: ') : labelled;
}
