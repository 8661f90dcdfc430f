import type { CreditNoteDocument } from '../domain/credit-note';
import type { Delivery } from '../domain/delivery';
import { recipientNameOf, type Invoice, type Seller } from '../domain/invoice';
import { renderCreditNoteEmail, renderInvoiceEmail, type InvoiceEmail } from '../infra/render-invoice-html';
import { renderCreditNotePdf } from '../infra/render-credit-note-pdf';
import { renderInvoicePdf } from '../infra/render-invoice-pdf';
import type { OutgoingMail } from '../infra/smtp-mail-sender';

type DeliveryFacts = Pick<Delivery, 'deliveryId' | 'recipient' | 'messageId'>;

/** The e-mail of one delivery: HTML and text body, the PDF attached as <invoiceRef>.pdf, the delivery's own Message-ID. */
export async function composeInvoiceMail(invoice: Invoice, delivery: DeliveryFacts, seller: Seller): Promise<OutgoingMail> {
  return mailOf(invoice, delivery, invoice.invoiceRef, renderInvoiceEmail(invoice, seller), await renderInvoicePdf(invoice, seller), {});
}

/** The e-mail of a credit note's delivery, to the corrected invoice's billing contact: its PDF attached as <creditNoteRef>.pdf. */
export async function composeCreditNoteMail(document: CreditNoteDocument, delivery: DeliveryFacts, seller: Seller): Promise<OutgoingMail> {
  const { creditNote, invoice } = document;
  const pdf = await renderCreditNotePdf(document, seller);
  return mailOf(invoice, delivery, creditNote.creditNoteRef, renderCreditNoteEmail(document, seller), pdf, { 'X-Boissipay-Credit-Note-Ref': creditNote.creditNoteRef });
}

function mailOf(invoice: Invoice, delivery: DeliveryFacts, documentRef: string, email: InvoiceEmail, pdf: Buffer, headers: Record<string, string>): OutgoingMail {
  return {
    to: { name: recipientNameOf(invoice), address: delivery.recipient },
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: delivery.messageId,
    attachments: [{ filename: `${documentRef}.pdf`, content: pdf, contentType: 'application/pdf' }],
    headers: { 'X-Boissipay-Invoice-Ref': invoice.invoiceRef, 'X-Boissipay-Delivery-Id': delivery.deliveryId, ...headers },
  };
}
