import { eInvoiceOfCreditNote, eInvoiceOfIssuedInvoice, eInvoiceXml, FACTUR_X_FILE_NAME, facturXMetadata } from '@boissipay/einvoice';
import type { CreditNoteDocument } from '../domain/credit-note';
import type { Invoice, Seller } from '../domain/invoice';

type Doc = PDFKit.PDFDocument;

/**
 * What makes pdfkit write PDF/A-3b (ISO 19005-3, level B): PDF 1.7, the sRGB output intent,
 * the pdfaid XMP properties. pdfkit embeds the fonts itself (the invoice draws only with the
 * embedded DejaVu and WenQuanYi faces), which PDF/A requires.
 */
export const PDF_A3_OPTIONS = { pdfVersion: '1.7', subset: 'PDF/A-3b' } as const;

/** The invoice's EN 16931 data as Factur-X's `factur-x.xml` (CII, profile EN 16931); undefined for a document without lines, which EN 16931 does not allow and billing never issues. */
export async function facturXXmlOf(invoice: Invoice, seller: Seller): Promise<string | undefined> {
  if (invoice.lines.length === 0) return undefined;
  return eInvoiceXml(eInvoiceOfIssuedInvoice(invoice, seller), 'CII');
}

/** The credit note's EN 16931 data (type 381, naming the invoice it corrects), addressed to that invoice's parties: the same mapping billing's API serves. */
export async function facturXXmlOfCreditNote({ creditNote, invoice }: CreditNoteDocument, seller: Seller): Promise<string | undefined> {
  if (creditNote.lines.length === 0) return undefined;
  return eInvoiceXml(eInvoiceOfCreditNote(creditNote, invoice, seller), 'CII');
}

/**
 * Turns the PDF/A-3 being written into a Factur-X one: `factur-x.xml` embedded as the
 * document's associated file (AFRelationship Alternative: the PDF and the XML are two
 * renderings of one invoice) and the Factur-X XMP properties with their extension schema.
 * The file's dates are the issue date, so the same invoice still renders byte for byte the same.
 * Call before `doc.end()`.
 */
export function embedFacturX(doc: Doc, xml: string, issueDate: Date): void {
  const attachment = {
    name: FACTUR_X_FILE_NAME,
    type: 'text/xml',
    description: 'Factur-X invoice (EN 16931)',
    creationDate: issueDate,
    modifiedDate: issueDate,
    relationship: 'Alternative',
  };
  doc.file(Buffer.from(xml, 'utf8'), attachment);
  doc.appendXML(facturXMetadata());
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * pdfkit copies the document information (title, author, subject) into the XMP packet as it
 * is, so a seller named "Voyages & Cie" would make the packet malformed XML, which PDF/A
 * refuses. The information dictionary is written before the packet: escaping the values just
 * before the packet is built keeps the dictionary as written and the packet well formed.
 */
export function escapeInfoInXmp(doc: Doc): void {
  const endMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    for (const [key, value] of Object.entries(doc.info)) {
      if (typeof value === 'string') (doc.info as Record<string, unknown>)[key] = value.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c);
    }
    endMetadata();
  };
}
