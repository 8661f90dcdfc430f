// Generated from specs/avro/billing.operation-decided.v1.avsc by `npm run generate`. Do not edit: change the spec and regenerate.
import type { schema as avsc } from 'avsc';

export const topic = "billing.operation-decided.v1" as const;
export const subject = "billing.operation-decided.v1-value" as const;
export const schema: avsc.RecordType & { type: 'record' } = {
  "type": "record",
  "name": "OperationDecidedEvent",
  "namespace": "io.boissipay.billing.v1",
  "doc": "One decision on a purchase or a refund, accepted or rejected, published in the transaction that records it: the live feed of decisions for the back office and any other system. A replayed request decides nothing and publishes nothing. Keyed by contractRef, so one contract's decisions keep their order.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event; consumers drop an eventId they have already applied."
    },
    {
      "name": "occurredAt",
      "type": "string",
      "doc": "ISO-8601 UTC instant of the decision."
    },
    {
      "name": "correlationId",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Correlation id of the request decided."
    },
    {
      "name": "contractRef",
      "type": "string",
      "doc": "Aggregate key, also the Kafka message key."
    },
    {
      "name": "operationId",
      "type": "string",
      "doc": "UUID of the operation, as GET /v1/operations/{operationId} shows it."
    },
    {
      "name": "type",
      "type": {
        "type": "enum",
        "name": "OperationType",
        "symbols": [
          "PURCHASE",
          "REFUND"
        ]
      }
    },
    {
      "name": "status",
      "type": {
        "type": "enum",
        "name": "DecisionStatus",
        "symbols": [
          "ACCEPTED",
          "REJECTED"
        ]
      }
    },
    {
      "name": "rejectionCode",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Stable code of a rejection (OUTSTANDING_LIMIT_EXCEEDED, CONTRACT_NOT_ACTIVE…); null when accepted."
    },
    {
      "name": "rejectionMessage",
      "type": [
        "null",
        "string"
      ],
      "default": null
    },
    {
      "name": "orderRef",
      "type": "string"
    },
    {
      "name": "refundedOrderRef",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "The purchase a refund refers to."
    },
    {
      "name": "customerRef",
      "type": [
        "null",
        "string"
      ],
      "default": null
    },
    {
      "name": "operationAt",
      "type": "string",
      "doc": "ISO date the operation is dated (YYYY-MM-DD)."
    },
    {
      "name": "currency",
      "type": "string",
      "doc": "ISO 4217 code."
    },
    {
      "name": "totalWithTaxMinor",
      "type": "long",
      "doc": "Total with tax of the order in minor units (cents), always positive: a purchase raises the outstanding by it, a refund lowers it."
    },
    {
      "name": "submittedBy",
      "type": "string",
      "doc": "Subject of the token that submitted the operation (the sales system)."
    }
  ]
};

export const operationTypeValues = ["PURCHASE","REFUND"] as const;
export type OperationType = (typeof operationTypeValues)[number];

export const decisionStatusValues = ["ACCEPTED","REJECTED"] as const;
export type DecisionStatus = (typeof decisionStatusValues)[number];

/** One decision on a purchase or a refund, accepted or rejected, published in the transaction that records it: the live feed of decisions for the back office and any other system. A replayed request decides nothing and publishes nothing. Keyed by contractRef, so one contract's decisions keep their order. */
export interface OperationDecidedEvent {
  /** UUID of this event; consumers drop an eventId they have already applied. */
  eventId: string;
  /** ISO-8601 UTC instant of the decision. */
  occurredAt: string;
  /** Correlation id of the request decided. */
  correlationId: null | string;
  /** Aggregate key, also the Kafka message key. */
  contractRef: string;
  /** UUID of the operation, as GET /v1/operations/{operationId} shows it. */
  operationId: string;
  type: OperationType;
  status: DecisionStatus;
  /** Stable code of a rejection (OUTSTANDING_LIMIT_EXCEEDED, CONTRACT_NOT_ACTIVE…); null when accepted. */
  rejectionCode: null | string;
  rejectionMessage: null | string;
  orderRef: string;
  /** The purchase a refund refers to. */
  refundedOrderRef: null | string;
  customerRef: null | string;
  /** ISO date the operation is dated (YYYY-MM-DD). */
  operationAt: string;
  /** ISO 4217 code. */
  currency: string;
  /** Total with tax of the order in minor units (cents), always positive: a purchase raises the outstanding by it, a refund lowers it. */
  totalWithTaxMinor: number;
  /** Subject of the token that submitted the operation (the sales system). */
  submittedBy: string;
}

export type Event = OperationDecidedEvent;

/** What producers and consumers bind to: the topic, its subject and schema, typed with the event it carries. */
export const eventTopic: {
  readonly topic: typeof topic;
  readonly subject: typeof subject;
  readonly schema: typeof schema;
  /** Type only, never set: lets a handler bound to this topic receive `Event`. */
  readonly eventType?: Event;
} = { topic, subject, schema };
