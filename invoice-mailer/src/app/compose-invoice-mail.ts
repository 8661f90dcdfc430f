import type { Delivery } from '../domain/delivery';
import { recipientNameOf, type Invoice, type Seller } from '../domain/invoice';
import { renderInvoiceEmail } from '../infra/render-invoice-html';
import { renderInvoicePdf } from '../infra/render-invoice-pdf';
import type { OutgoingMail } from '../infra/smtp-mail-sender';

/** The e-mail of one delivery: HTML and text body, the PDF attached as <invoiceRef>.pdf, the delivery's own Message-ID. */
export async function composeInvoiceMail(invoice: Invoice, delivery: Pick<Delivery, 'deliveryId' | 'recipient' | 'messageId'>, seller: Seller): Promise<OutgoingMail> {
  const email = renderInvoiceEmail(invoice, seller);
  const pdf = await renderInvoicePdf(invoice, seller);
  return {
    to: { name: recipientNameOf(invoice), address: delivery.recipient },
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: delivery.messageId,
    attachments: [{ filename: `${invoice.invoiceRef}.pdf`, content: pdf, contentType: 'application/pdf' }],
    headers: { 'X-Boissipay-Invoice-Ref': invoice.invoiceRef, 'X-Boissipay-Delivery-Id': delivery.deliveryId },
  };
}
