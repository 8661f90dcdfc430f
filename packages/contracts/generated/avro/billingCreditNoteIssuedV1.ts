// Generated from specs/avro/billing.credit-note-issued.v1.avsc by `npm run generate`. Do not edit: change the spec and regenerate.
import type { schema as avsc } from 'avsc';

export const topic = "billing.credit-note-issued.v1" as const;
export const subject = "billing.credit-note-issued.v1-value" as const;
export const schema: avsc.RecordType & { type: 'record' } = {
  "type": "record",
  "name": "CreditNoteIssuedEvent",
  "namespace": "io.boissipay.billing.v1",
  "doc": "A credit note an operator issued against an invoice (full or partial): its own document, numbered in the credit-note series (AV-<year>-<number>), lowering what the customer owes. Nothing is ever debited for it. Keyed by contractRef.",
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
      "default": null
    },
    {
      "name": "contractRef",
      "type": "string",
      "doc": "Aggregate key, also the Kafka message key."
    },
    {
      "name": "creditNote",
      "type": {
        "type": "record",
        "name": "CreditNote",
        "fields": [
          {
            "name": "creditNoteId",
            "type": "string",
            "doc": "UUID."
          },
          {
            "name": "creditNoteRef",
            "type": "string",
            "doc": "AV-<year>-<number>: sequential per calendar year of the issue date, without gaps."
          },
          {
            "name": "invoiceId",
            "type": "string",
            "doc": "The invoice it credits."
          },
          {
            "name": "invoiceRef",
            "type": "string"
          },
          {
            "name": "issueDate",
            "type": "string",
            "doc": "ISO date."
          },
          {
            "name": "currency",
            "type": "string"
          },
          {
            "name": "totalWithoutTaxMinor",
            "type": "long",
            "doc": "Credited amounts are positive, in minor units."
          },
          {
            "name": "totalTaxMinor",
            "type": "long"
          },
          {
            "name": "totalWithTaxMinor",
            "type": "long"
          },
          {
            "name": "vatBreakdown",
            "type": {
              "type": "array",
              "items": {
                "type": "record",
                "name": "CreditNoteVatSubtotal",
                "fields": [
                  {
                    "name": "rateBasisPoints",
                    "type": "int"
                  },
                  {
                    "name": "baseMinor",
                    "type": "long"
                  },
                  {
                    "name": "taxMinor",
                    "type": "long"
                  }
                ]
              }
            }
          },
          {
            "name": "lines",
            "type": {
              "type": "array",
              "items": {
                "type": "record",
                "name": "CreditNoteLine",
                "fields": [
                  {
                    "name": "lineNumber",
                    "type": "int"
                  },
                  {
                    "name": "description",
                    "type": "string"
                  },
                  {
                    "name": "vatRateBasisPoints",
                    "type": "int"
                  },
                  {
                    "name": "amountWithoutTaxMinor",
                    "type": "long"
                  },
                  {
                    "name": "taxMinor",
                    "type": "long"
                  },
                  {
                    "name": "amountWithTaxMinor",
                    "type": "long"
                  }
                ]
              }
            }
          },
          {
            "name": "reason",
            "type": "string",
            "doc": "Why the operator issued it."
          },
          {
            "name": "issuedBy",
            "type": "string",
            "doc": "Token subject of the operator."
          },
          {
            "name": "language",
            "type": "string",
            "default": "fr",
            "doc": "Language the credit note is written in, the one of the invoice it credits (ISO 639-1): fr (the default, also for events published before it existed) or en."
          }
        ]
      }
    }
  ]
};

export interface CreditNoteVatSubtotal {
  rateBasisPoints: number;
  baseMinor: number;
  taxMinor: number;
}

export interface CreditNoteLine {
  lineNumber: number;
  description: string;
  vatRateBasisPoints: number;
  amountWithoutTaxMinor: number;
  taxMinor: number;
  amountWithTaxMinor: number;
}

export interface CreditNote {
  /** UUID. */
  creditNoteId: string;
  /** AV-<year>-<number>: sequential per calendar year of the issue date, without gaps. */
  creditNoteRef: string;
  /** The invoice it credits. */
  invoiceId: string;
  invoiceRef: string;
  /** ISO date. */
  issueDate: string;
  currency: string;
  /** Credited amounts are positive, in minor units. */
  totalWithoutTaxMinor: number;
  totalTaxMinor: number;
  totalWithTaxMinor: number;
  vatBreakdown: Array<CreditNoteVatSubtotal>;
  lines: Array<CreditNoteLine>;
  /** Why the operator issued it. */
  reason: string;
  /** Token subject of the operator. */
  issuedBy: string;
  /** Language the credit note is written in, the one of the invoice it credits (ISO 639-1): fr (the default, also for events published before it existed) or en. */
  language: string;
}

/** A credit note an operator issued against an invoice (full or partial): its own document, numbered in the credit-note series (AV-<year>-<number>), lowering what the customer owes. Nothing is ever debited for it. Keyed by contractRef. */
export interface CreditNoteIssuedEvent {
  /** UUID of this event. */
  eventId: string;
  /** ISO-8601 UTC instant. */
  occurredAt: string;
  correlationId: null | string;
  causationId: null | string;
  /** Aggregate key, also the Kafka message key. */
  contractRef: string;
  creditNote: CreditNote;
}

export type Event = CreditNoteIssuedEvent;

/** What producers and consumers bind to: the topic, its subject and schema, typed with the event it carries. */
export const eventTopic: {
  readonly topic: typeof topic;
  readonly subject: typeof subject;
  readonly schema: typeof schema;
  /** Type only, never set: lets a handler bound to this topic receive `Event`. */
  readonly eventType?: Event;
} = { topic, subject, schema };
