// Generated from specs/avro/mailer.invoice-delivery.v1.avsc by `npm run generate`. Do not edit: change the spec and regenerate.
import type { schema as avsc } from 'avsc';

export const topic = "mailer.invoice-delivery.v1" as const;
export const subject = "mailer.invoice-delivery.v1-value" as const;
export const schema: avsc.RecordType & { type: 'record' } = {
  "type": "record",
  "name": "InvoiceDeliveryEvent",
  "namespace": "io.boissipay.mailer.v1",
  "doc": "The outcome of e-mailing one invoice (HTML body and PDF attachment) to its billing contact. Keyed by contractRef.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event."
    },
    {
      "name": "occurredAt",
      "type": "string",
      "doc": "ISO-8601 UTC instant."
    },
    {
      "name": "correlationId",
      "type": [
        "null",
        "string"
      ],
      "default": null
    },
    {
      "name": "causationId",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "eventId of the billing.invoice-issued.v1 event that was mailed."
    },
    {
      "name": "contractRef",
      "type": "string",
      "doc": "Aggregate key, also the Kafka message key."
    },
    {
      "name": "deliveryId",
      "type": "string"
    },
    {
      "name": "invoiceRef",
      "type": "string"
    },
    {
      "name": "status",
      "type": {
        "type": "enum",
        "name": "DeliveryStatus",
        "symbols": [
          "SENT",
          "FAILED"
        ]
      }
    },
    {
      "name": "recipient",
      "type": "string",
      "doc": "E-mail address the invoice was sent to."
    },
    {
      "name": "messageId",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "SMTP Message-ID of a SENT delivery."
    },
    {
      "name": "attempts",
      "type": "int"
    },
    {
      "name": "sentAt",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "ISO-8601 UTC instant."
    },
    {
      "name": "failureReason",
      "type": [
        "null",
        "string"
      ],
      "default": null
    }
  ]
};

export const deliveryStatusValues = ["SENT","FAILED"] as const;
export type DeliveryStatus = (typeof deliveryStatusValues)[number];

/** The outcome of e-mailing one invoice (HTML body and PDF attachment) to its billing contact. Keyed by contractRef. */
export interface InvoiceDeliveryEvent {
  /** UUID of this event. */
  eventId: string;
  /** ISO-8601 UTC instant. */
  occurredAt: string;
  correlationId: null | string;
  /** eventId of the billing.invoice-issued.v1 event that was mailed. */
  causationId: null | string;
  /** Aggregate key, also the Kafka message key. */
  contractRef: string;
  deliveryId: string;
  invoiceRef: string;
  status: DeliveryStatus;
  /** E-mail address the invoice was sent to. */
  recipient: string;
  /** SMTP Message-ID of a SENT delivery. */
  messageId: null | string;
  attempts: number;
  /** ISO-8601 UTC instant. */
  sentAt: null | string;
  failureReason: null | string;
}

export type Event = InvoiceDeliveryEvent;

/** What producers and consumers bind to: the topic, its subject and schema, typed with the event it carries. */
export const eventTopic: {
  readonly topic: typeof topic;
  readonly subject: typeof subject;
  readonly schema: typeof schema;
  /** Type only, never set: lets a handler bound to this topic receive `Event`. */
  readonly eventType?: Event;
} = { topic, subject, schema };
