import { z } from 'zod';
import { defineServiceConfig, settings, variable, type ConfigOf } from '@boissipay/runtime';
import { sellerVariables } from '@boissipay/einvoice';

/** invoice-mailer's own variables, beside the common ones of the runtime; docs and `.env.example` are generated from both. */
export const mailerConfig = defineServiceConfig({ name: 'invoice-mailer', port: 8383, database: 'boissipay_mailer' }, {
  MAILER_INVOICE_CONSUMER_NAME: variable({
    description: 'Name of the consumer that records a delivery per billing.invoice-issued.v1 event; its group id is invoice-mailer.<name> (a new name re-reads the topic from the beginning: invoices already recorded are not mailed again, the others are).',
    schema: settings.consumerName,
    default: 'invoice-deliveries',
  }),
  MAILER_CREDIT_NOTE_CONSUMER_NAME: variable({
    description:
      'Name of the consumer that records a delivery per billing.credit-note-issued.v1 event; its group id is invoice-mailer.<name> (a new name re-reads the topic from the beginning: credit notes already recorded are not mailed again, the others are).',
    schema: settings.consumerName,
    default: 'credit-note-deliveries',
  }),
  MAILER_PAYMENT_CONSUMER_NAME: variable({
    description:
      'Name of the consumer that records a customer notice per refused or returned debit (payment.result.v1 FAILED, RETURNED); its group id is invoice-mailer.<name> (a new name re-reads the topic from the beginning: results already noticed are not mailed again, the others are).',
    schema: settings.consumerName,
    default: 'payment-notices',
  }),
  MAILER_CONTRACT_CONSUMER_NAME: variable({
    description:
      'Name of the consumer that records a customer notice per contract suspended or reactivated (contract.lifecycle.v1 SUSPENDED, REACTIVATED); its group id is invoice-mailer.<name> (a new name re-reads the topic from the beginning: changes already noticed are not mailed again, the others are).',
    schema: settings.consumerName,
    default: 'contract-notices',
  }),
  MAILER_NOTICE_IGNORED_REASONS: variable({
    description:
      "Comma-separated reasonCodes of failed debits the customer is not told of: the payment provider's failures, not the customer's (the same codes as CONTRACT_DUNNING_IGNORED_REASONS, which suspend nothing).",
    schema: z
      .string()
      .regex(/^[A-Z0-9_]*(,[A-Z0-9_]+)*$/, 'reason codes (A-Z, 0-9, _) separated by commas')
      .transform((value) => value.split(',').filter((code) => code.length > 0)),
    default: 'PROVIDER_UNAVAILABLE,PROVIDER_TIMEOUT,PROVIDER_ERROR',
  }),
  MAILER_NOTICE_MAX_AGE_HOURS: variable({
    description:
      'A payment result or contract change older than this when the mailer consumes it is not told to the customer: a consumer starting at the beginning of its topic (first deployment, new consumer name) mails nothing about debits or suspensions of long ago.',
    schema: settings.positiveInt,
    default: '168',
  }),
  MAILER_DELIVERY_WORKER_ENABLED: variable({
    description:
      'Whether this instance runs the delivery worker that renders and e-mails pending invoices, and its sibling that e-mails customer notices (false: it only records them and serves the API).',
    schema: settings.flag,
    default: 'true',
  }),
  MAILER_DELIVERY_POLL_INTERVAL_MS: variable({
    description: 'Safety-net poll of the delivery worker; a newly recorded invoice wakes it at once through LISTEN/NOTIFY, and a scheduled retry at its due time.',
    schema: settings.positiveInt,
    default: '5000',
  }),
  MAILER_DELIVERY_LEASE_MS: variable({
    description:
      'How long an invoice claimed for sending stays reserved for the worker talking to the SMTP server; renewed every third of it while the sending lasts, so after a crash another worker (or the restarted one) sends it within this time.',
    schema: z.coerce.number().int().min(1000).max(600000),
    default: '10000',
  }),
  MAILER_SEND_CONCURRENCY: variable({
    description: 'E-mails the delivery worker sends at the same time.',
    schema: z.coerce.number().int().min(1).max(50),
    default: '4',
  }),
  MAILER_SEND_MAX_ATTEMPTS: variable({
    description: 'Sending attempts per invoice, the first included, before a delivery whose SMTP server keeps failing transiently (connection refused, 4xx reply) ends FAILED. A 5xx reply fails it at once.',
    schema: settings.positiveInt,
    default: '8',
  }),
  MAILER_RETRY_BASE_DELAY_MS: variable({
    description:
      'Pause after the first transient sending failure; doubled after each further one, up to MAILER_RETRY_MAX_DELAY_MS. Each pause is then shortened by a random part of up to half (jitter), so the e-mails failed in one outage do not all come back at once.',
    schema: settings.positiveInt,
    default: '30000',
  }),
  MAILER_RETRY_MAX_DELAY_MS: variable({
    description: 'Longest pause between two sending attempts of one invoice (before the jitter, which only shortens it).',
    schema: settings.positiveInt,
    default: '1800000',
  }),
  SMTP_HOST: variable({
    description: 'SMTP server the invoice mailer sends through (locally the maildev catcher).',
    schema: z.string().min(1),
    default: '127.0.0.1',
  }),
  SMTP_PORT: variable({
    description: 'Port of the SMTP server (1025: the local catcher; 587 submission with STARTTLS; 465 implicit TLS with SMTP_SECURE=true).',
    schema: settings.port,
    default: '1025',
  }),
  SMTP_SECURE: variable({
    description: 'true: TLS from the first byte (port 465). false: plain connection, upgraded with STARTTLS when the server offers it.',
    schema: settings.flag,
    default: 'false',
  }),
  SMTP_USER: variable({
    description: 'SMTP login (empty: no authentication, as with the local catcher).',
    schema: z.string(),
    default: '',
  }),
  SMTP_PASSWORD: variable({
    description: 'SMTP password of SMTP_USER.',
    schema: z.string(),
    default: '',
    secret: true,
  }),
  SMTP_TIMEOUT_MS: variable({
    description: 'Longest wait for the SMTP server to connect, greet, or answer a command before the attempt counts as a transient failure.',
    schema: z.coerce.number().int().min(1000).max(120000),
    default: '30000',
  }),
  MAIL_FROM: variable({
    description: 'Sender of the invoice e-mails, e.g. "Boissipay Billing <billing@boissipay.example>"; its domain also ends every Message-ID.',
    schema: z.string().regex(/^(?:[^<>]*<)?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/, 'an e-mail address, optionally as "Name <address>"'),
    default: 'Boissipay Billing <billing@boissipay.example>',
  }),
  ...sellerVariables,
  INVOICE_SELLER_LEGAL_NOTICE: variable({
    description:
      'Free text added at the foot of every invoice page, after the mandatory mentions printed from the INVOICE_SELLER_* and INVOICE_* settings (legal form, capital, RCS, VAT number); printed as written, in every language.',
    schema: z.string(),
    default: '',
  }),
  INVOICE_SELLER_SIRET: variable({
    description: "The SIRET (14 digits: the SIREN and the establishment's number) of the establishment that issues the invoices.",
    schema: z.string().regex(/^[0-9]{14}$/, 'a SIRET of 14 digits'),
    default: '12345678900012',
    productionDefault: false,
  }),
  INVOICE_SELLER_RCS_CITY: variable({
    description: 'City of the trade and companies register (RCS) the seller is registered at, printed as "RCS <city> <SIREN>".',
    schema: z.string().min(1),
    default: 'Paris',
    productionDefault: false,
  }),
  INVOICE_SELLER_LEGAL_FORM: variable({
    description: "The seller's legal form as printed on invoices, e.g. SAS, SARL, SA.",
    schema: z.string().min(1),
    default: 'SAS',
    productionDefault: false,
  }),
  INVOICE_SELLER_SHARE_CAPITAL: variable({
    description: "The seller's share capital in euros (decimal, e.g. 10000 or 37000.50), printed with the legal form (\"SAS au capital de 10 000 €\").",
    schema: z.string().regex(/^[0-9]{1,13}(\.[0-9]{1,2})?$/, 'an amount in euros such as 10000 or 37000.50'),
    default: '10000',
    productionDefault: false,
  }),
  INVOICE_VAT_ON_DEBITS: variable({
    description:
      'true when the seller opted to pay VAT on its services when invoicing rather than when paid (CGI art. 269): every invoice then says "Option pour le paiement de la TVA d\'après les débits".',
    schema: settings.flag,
    default: 'false',
  }),
  INVOICE_EARLY_PAYMENT_DISCOUNT_PERCENT: variable({
    description: 'Discount granted for paying before the due date, in percent (0: "Pas d\'escompte pour paiement anticipé", printed on every invoice as the law requires).',
    schema: z.string().regex(/^[0-9]{1,2}(\.[0-9]{1,2})?$/, 'a percentage such as 0, 1 or 1.5'),
    default: '0',
  }),
  INVOICE_LATE_PAYMENT_RATE: variable({
    description:
      'Rate of the late-payment penalties printed on invoices (Code de commerce L441-10): "3x-legal" (three times the legal interest rate, the lowest allowed), "ecb+10" (the ECB refinancing rate plus 10 points, the rate when none is agreed), or an annual percentage such as 12.5. The 40 € fixed indemnity for recovery costs (D441-5) is always printed.',
    schema: z.string().regex(/^(3x-legal|ecb\+10|[0-9]{1,2}(\.[0-9]{1,2})?)$/, '3x-legal, ecb+10 or a percentage such as 12.5'),
    default: '3x-legal',
  }),
  INVOICE_SELLER_IBAN: variable({
    description: "The seller's account a customer pays an unpaid invoice into by bank transfer, printed on the notices of a refused or returned debit.",
    schema: z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, 'an IBAN in electronic format'),
    default: 'FR7630006000011234567890189',
    productionDefault: false,
  }),
  INVOICE_SELLER_BIC: variable({
    description: "The BIC of the seller's bank, printed beside INVOICE_SELLER_IBAN.",
    schema: z.string().regex(/^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'a BIC such as AGRIFRPP'),
    default: 'AGRIFRPP',
    productionDefault: false,
  }),
});

export type MailerConfig = ConfigOf<typeof mailerConfig>;
