// Generated from specs/avro/payment.result.v1.avsc by `npm run generate`. Do not edit: change the spec and regenerate.
import type { schema as avsc } from 'avsc';

export const topic = "payment.result.v1" as const;
export const subject = "payment.result.v1-value" as const;
export const schema: avsc.RecordType & { type: 'record' } = {
  "type": "record",
  "name": "PaymentResultEvent",
  "namespace": "io.boissipay.payment.v1",
  "doc": "The final outcome of collecting one invoice: by SEPA direct debit, by a bank transfer an operator recorded (SUCCEEDED, method BANK_TRANSFER), a debit an operator cancelled (CANCELLED: the invoice stays unpaid, no dunning), or a settled debit the debtor's bank sent back days later (RETURNED: an R-transaction; the invoice is unpaid again, dunning as for FAILED). Keyed by contractRef.",
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
      "doc": "eventId of the billing.invoice-issued.v1 event that was paid."
    },
    {
      "name": "contractRef",
      "type": "string",
      "doc": "Aggregate key, also the Kafka message key."
    },
    {
      "name": "paymentRef",
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
        "name": "PaymentStatus",
        "symbols": [
          "SUCCEEDED",
          "FAILED",
          "CANCELLED",
          "RETURNED"
        ]
      }
    },
    {
      "name": "amountMinor",
      "type": "long",
      "doc": "Amount debited (or attempted), in minor units of currency."
    },
    {
      "name": "currency",
      "type": "string"
    },
    {
      "name": "mandateRef",
      "type": [
        "null",
        "string"
      ],
      "default": null
    },
    {
      "name": "attempts",
      "type": "int",
      "doc": "Debit attempts made, retries of transient errors included."
    },
    {
      "name": "reasonCode",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "For FAILED: e.g. INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, MANDATE_MISSING, PROVIDER_UNAVAILABLE (SEPA R-transaction reasons); for CANCELLED: DEBIT_CANCELLED, with the operator's reason in reasonMessage; for RETURNED: the return's reason in the same words (INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, NO_MANDATE, REFUSED_BY_DEBTOR…), its ISO code in returnReasonCode."
    },
    {
      "name": "reasonMessage",
      "type": [
        "null",
        "string"
      ],
      "default": null
    },
    {
      "name": "settledAt",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "ISO-8601 UTC instant of a SUCCEEDED debit, or of the recording of a manual payment."
    },
    {
      "name": "method",
      "type": [
        "null",
        {
          "type": "enum",
          "name": "PaymentMethod",
          "symbols": [
            "DIRECT_DEBIT",
            "BANK_TRANSFER"
          ]
        }
      ],
      "default": null,
      "doc": "How a SUCCEEDED invoice was paid; null in events written before the field existed (DIRECT_DEBIT)."
    },
    {
      "name": "bankReference",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "BANK_TRANSFER: the bank's reference of the transfer."
    },
    {
      "name": "receivedOn",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "BANK_TRANSFER: ISO date the transfer was received."
    },
    {
      "name": "returnReasonCode",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "RETURNED: the ISO 20022 reason code of the R-transaction (AM04 insufficient funds, AC04 closed account, MD01 no mandate, MS02 refused by the debtor, …); null otherwise."
    },
    {
      "name": "returnedAt",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "RETURNED: ISO-8601 UTC instant the return was recorded; settledAt keeps the instant of the debit that came back."
    }
  ]
};

export const paymentStatusValues = ["SUCCEEDED","FAILED","CANCELLED","RETURNED"] as const;
export type PaymentStatus = (typeof paymentStatusValues)[number];

export const paymentMethodValues = ["DIRECT_DEBIT","BANK_TRANSFER"] as const;
export type PaymentMethod = (typeof paymentMethodValues)[number];

/** The final outcome of collecting one invoice: by SEPA direct debit, by a bank transfer an operator recorded (SUCCEEDED, method BANK_TRANSFER), a debit an operator cancelled (CANCELLED: the invoice stays unpaid, no dunning), or a settled debit the debtor's bank sent back days later (RETURNED: an R-transaction; the invoice is unpaid again, dunning as for FAILED). Keyed by contractRef. */
export interface PaymentResultEvent {
  /** UUID of this event. */
  eventId: string;
  /** ISO-8601 UTC instant. */
  occurredAt: string;
  correlationId: null | string;
  /** eventId of the billing.invoice-issued.v1 event that was paid. */
  causationId: null | string;
  /** Aggregate key, also the Kafka message key. */
  contractRef: string;
  paymentRef: string;
  invoiceRef: string;
  status: PaymentStatus;
  /** Amount debited (or attempted), in minor units of currency. */
  amountMinor: number;
  currency: string;
  mandateRef: null | string;
  /** Debit attempts made, retries of transient errors included. */
  attempts: number;
  /** For FAILED: e.g. INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, MANDATE_MISSING, PROVIDER_UNAVAILABLE (SEPA R-transaction reasons); for CANCELLED: DEBIT_CANCELLED, with the operator's reason in reasonMessage; for RETURNED: the return's reason in the same words (INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, NO_MANDATE, REFUSED_BY_DEBTOR…), its ISO code in returnReasonCode. */
  reasonCode: null | string;
  reasonMessage: null | string;
  /** ISO-8601 UTC instant of a SUCCEEDED debit, or of the recording of a manual payment. */
  settledAt: null | string;
  /** How a SUCCEEDED invoice was paid; null in events written before the field existed (DIRECT_DEBIT). */
  method: null | PaymentMethod;
  /** BANK_TRANSFER: the bank's reference of the transfer. */
  bankReference: null | string;
  /** BANK_TRANSFER: ISO date the transfer was received. */
  receivedOn: null | string;
  /** RETURNED: the ISO 20022 reason code of the R-transaction (AM04 insufficient funds, AC04 closed account, MD01 no mandate, MS02 refused by the debtor, …); null otherwise. */
  returnReasonCode: null | string;
  /** RETURNED: ISO-8601 UTC instant the return was recorded; settledAt keeps the instant of the debit that came back. */
  returnedAt: null | string;
}

export type Event = PaymentResultEvent;

/** What producers and consumers bind to: the topic, its subject and schema, typed with the event it carries. */
export const eventTopic: {
  readonly topic: typeof topic;
  readonly subject: typeof subject;
  readonly schema: typeof schema;
  /** Type only, never set: lets a handler bound to this topic receive `Event`. */
  readonly eventType?: Event;
} = { topic, subject, schema };
