// Generated from specs/avro/contract.lifecycle.v1.avsc by `npm run generate`. Do not edit: change the spec and regenerate.
import type { schema as avsc } from 'avsc';

export const topic = "contract.lifecycle.v1" as const;
export const subject = "contract.lifecycle.v1-value" as const;
export const schema: avsc.RecordType & { type: 'record' } = {
  "type": "record",
  "name": "ContractLifecycleEvent",
  "namespace": "io.boissipay.contract.v1",
  "doc": "One change in a deferred-billing contract's life, carrying the full contract state after it (event-carried state transfer): billing keeps its read model from these events alone. Keyed by contractRef.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event; consumers drop an eventId they have already applied."
    },
    {
      "name": "occurredAt",
      "type": "string",
      "doc": "ISO-8601 UTC instant of the change, e.g. 2026-11-21T09:30:00.000Z."
    },
    {
      "name": "correlationId",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Correlation id of the request or message that caused the change."
    },
    {
      "name": "causationId",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "eventId of the event that caused this one, when an event did (e.g. dunning)."
    },
    {
      "name": "type",
      "type": {
        "type": "enum",
        "name": "ContractEventType",
        "symbols": [
          "SUBSCRIBED",
          "ACTIVATED",
          "SUSPENDED",
          "REACTIVATED",
          "TERMINATED",
          "EXPIRED",
          "MANDATE_CHANGED",
          "MANDATE_REVOKED",
          "LIMIT_CHANGED",
          "LANGUAGE_CHANGED"
        ]
      }
    },
    {
      "name": "contractRef",
      "type": "string",
      "doc": "Aggregate key, also the Kafka message key."
    },
    {
      "name": "version",
      "type": "long",
      "doc": "Per-contract version, 1 for SUBSCRIBED, +1 for each later event: a reader keeps the highest it has seen."
    },
    {
      "name": "reason",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Why: always for SUSPENDED, TERMINATED, MANDATE_REVOKED and EXPIRED ('validity ended'); for the other changes when the caller gave one."
    },
    {
      "name": "changedBy",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Who made the change: the subject of the caller's token, or system:<job> for a change the service made by itself (expiry, dunning). Null in events published before it was recorded."
    },
    {
      "name": "contract",
      "doc": "The contract as it is after this event.",
      "type": {
        "type": "record",
        "name": "ContractSnapshot",
        "fields": [
          {
            "name": "contractId",
            "type": "string"
          },
          {
            "name": "contractRef",
            "type": "string"
          },
          {
            "name": "productRef",
            "type": "string"
          },
          {
            "name": "contractType",
            "type": "string"
          },
          {
            "name": "status",
            "type": {
              "type": "enum",
              "name": "ContractStatus",
              "symbols": [
                "CREATED",
                "ACTIVE",
                "SUSPENDED",
                "TERMINATED",
                "EXPIRED"
              ]
            }
          },
          {
            "name": "createdAt",
            "type": "string",
            "doc": "ISO-8601 date (YYYY-MM-DD)."
          },
          {
            "name": "signedAt",
            "type": [
              "null",
              "string"
            ],
            "default": null,
            "doc": "ISO-8601 date."
          },
          {
            "name": "activatedAt",
            "type": "string",
            "doc": "ISO-8601 date: first day operations may be dated."
          },
          {
            "name": "expireAt",
            "type": "string",
            "doc": "ISO-8601 date: last day operations may be dated."
          },
          {
            "name": "terminatedAt",
            "type": [
              "null",
              "string"
            ],
            "default": null,
            "doc": "ISO-8601 date the termination takes effect."
          },
          {
            "name": "subscriber",
            "type": {
              "type": "record",
              "name": "Subscriber",
              "fields": [
                {
                  "name": "subscriberRef",
                  "type": "string",
                  "doc": "External reference of the subscriber, e.g. the company name."
                },
                {
                  "name": "subscriberType",
                  "type": "string",
                  "doc": "PROFESSIONNAL or PARTICULAR, as in the contract API."
                },
                {
                  "name": "customerId",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null
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
                  "name": "siren",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null
                },
                {
                  "name": "vatNumber",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null,
                  "doc": "Intra-community VAT number."
                }
              ]
            }
          },
          {
            "name": "distributorRef",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "billingContact",
            "doc": "Who receives the invoices.",
            "type": {
              "type": "record",
              "name": "BillingContact",
              "fields": [
                {
                  "name": "firstName",
                  "type": "string"
                },
                {
                  "name": "lastName",
                  "type": "string"
                },
                {
                  "name": "email",
                  "type": "string"
                },
                {
                  "name": "phone",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null
                }
              ]
            }
          },
          {
            "name": "billingAddress",
            "doc": "Postal address in six lines (AFNOR NF Z 10-011); optional lines are empty strings.",
            "type": {
              "type": "record",
              "name": "PostalAddress",
              "fields": [
                {
                  "name": "line1",
                  "type": "string"
                },
                {
                  "name": "line2",
                  "type": "string",
                  "default": ""
                },
                {
                  "name": "line3",
                  "type": "string",
                  "default": ""
                },
                {
                  "name": "line4",
                  "type": "string",
                  "default": ""
                },
                {
                  "name": "line5",
                  "type": "string",
                  "default": ""
                },
                {
                  "name": "line6",
                  "type": "string"
                },
                {
                  "name": "country",
                  "type": "string",
                  "default": "FR",
                  "doc": "ISO 3166-1 alpha-2."
                }
              ]
            }
          },
          {
            "name": "mandate",
            "doc": "SEPA direct-debit mandate; null when the contract has none.",
            "type": [
              "null",
              {
                "type": "record",
                "name": "Mandate",
                "fields": [
                  {
                    "name": "mandateRef",
                    "type": "string",
                    "doc": "Unique mandate reference (RUM)."
                  },
                  {
                    "name": "iban",
                    "type": "string"
                  },
                  {
                    "name": "bic",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null
                  },
                  {
                    "name": "signedAt",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null,
                    "doc": "ISO-8601 date; a mandate is valid only once signed."
                  },
                  {
                    "name": "status",
                    "type": {
                      "type": "enum",
                      "name": "MandateStatus",
                      "symbols": [
                        "PENDING_SIGNATURE",
                        "ACTIVE",
                        "REVOKED"
                      ]
                    }
                  },
                  {
                    "name": "revokedAt",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null,
                    "doc": "ISO-8601 date."
                  }
                ]
              }
            ],
            "default": null
          },
          {
            "name": "outstandingLimit",
            "doc": "The most the customer may owe at any time.",
            "type": {
              "type": "record",
              "name": "Money",
              "fields": [
                {
                  "name": "amountMinor",
                  "type": "long",
                  "doc": "Integer minor units (cents)."
                },
                {
                  "name": "currency",
                  "type": "string",
                  "doc": "ISO 4217 code."
                }
              ]
            }
          },
          {
            "name": "language",
            "type": "string",
            "default": "fr",
            "doc": "Language of the customer's invoices, credit notes and e-mails, ISO 639-1: fr (the default, also for events published before it existed) or en."
          }
        ]
      }
    }
  ]
};

export const contractEventTypeValues = ["SUBSCRIBED","ACTIVATED","SUSPENDED","REACTIVATED","TERMINATED","EXPIRED","MANDATE_CHANGED","MANDATE_REVOKED","LIMIT_CHANGED","LANGUAGE_CHANGED"] as const;
export type ContractEventType = (typeof contractEventTypeValues)[number];

export const contractStatusValues = ["CREATED","ACTIVE","SUSPENDED","TERMINATED","EXPIRED"] as const;
export type ContractStatus = (typeof contractStatusValues)[number];

export interface Subscriber {
  /** External reference of the subscriber, e.g. the company name. */
  subscriberRef: string;
  /** PROFESSIONNAL or PARTICULAR, as in the contract API. */
  subscriberType: string;
  customerId: null | string;
  customerRef: null | string;
  siren: null | string;
  /** Intra-community VAT number. */
  vatNumber: null | string;
}

export interface BillingContact {
  firstName: string;
  lastName: string;
  email: string;
  phone: null | string;
}

export interface PostalAddress {
  line1: string;
  line2: string;
  line3: string;
  line4: string;
  line5: string;
  line6: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export const mandateStatusValues = ["PENDING_SIGNATURE","ACTIVE","REVOKED"] as const;
export type MandateStatus = (typeof mandateStatusValues)[number];

export interface Mandate {
  /** Unique mandate reference (RUM). */
  mandateRef: string;
  iban: string;
  bic: null | string;
  /** ISO-8601 date; a mandate is valid only once signed. */
  signedAt: null | string;
  status: MandateStatus;
  /** ISO-8601 date. */
  revokedAt: null | string;
}

export interface Money {
  /** Integer minor units (cents). */
  amountMinor: number;
  /** ISO 4217 code. */
  currency: string;
}

export interface ContractSnapshot {
  contractId: string;
  contractRef: string;
  productRef: string;
  contractType: string;
  status: ContractStatus;
  /** ISO-8601 date (YYYY-MM-DD). */
  createdAt: string;
  /** ISO-8601 date. */
  signedAt: null | string;
  /** ISO-8601 date: first day operations may be dated. */
  activatedAt: string;
  /** ISO-8601 date: last day operations may be dated. */
  expireAt: string;
  /** ISO-8601 date the termination takes effect. */
  terminatedAt: null | string;
  subscriber: Subscriber;
  distributorRef: null | string;
  /** Who receives the invoices. */
  billingContact: BillingContact;
  /** Postal address in six lines (AFNOR NF Z 10-011); optional lines are empty strings. */
  billingAddress: PostalAddress;
  /** SEPA direct-debit mandate; null when the contract has none. */
  mandate: null | Mandate;
  /** The most the customer may owe at any time. */
  outstandingLimit: Money;
  /** Language of the customer's invoices, credit notes and e-mails, ISO 639-1: fr (the default, also for events published before it existed) or en. */
  language: string;
}

/** One change in a deferred-billing contract's life, carrying the full contract state after it (event-carried state transfer): billing keeps its read model from these events alone. Keyed by contractRef. */
export interface ContractLifecycleEvent {
  /** UUID of this event; consumers drop an eventId they have already applied. */
  eventId: string;
  /** ISO-8601 UTC instant of the change, e.g. 2026-11-21T09:30:00.000Z. */
  occurredAt: string;
  /** Correlation id of the request or message that caused the change. */
  correlationId: null | string;
  /** eventId of the event that caused this one, when an event did (e.g. dunning). */
  causationId: null | string;
  type: ContractEventType;
  /** Aggregate key, also the Kafka message key. */
  contractRef: string;
  /** Per-contract version, 1 for SUBSCRIBED, +1 for each later event: a reader keeps the highest it has seen. */
  version: number;
  /** Why: always for SUSPENDED, TERMINATED, MANDATE_REVOKED and EXPIRED ('validity ended'); for the other changes when the caller gave one. */
  reason: null | string;
  /** Who made the change: the subject of the caller's token, or system:<job> for a change the service made by itself (expiry, dunning). Null in events published before it was recorded. */
  changedBy: null | string;
  /** The contract as it is after this event. */
  contract: ContractSnapshot;
}

export type Event = ContractLifecycleEvent;

/** What producers and consumers bind to: the topic, its subject and schema, typed with the event it carries. */
export const eventTopic: {
  readonly topic: typeof topic;
  readonly subject: typeof subject;
  readonly schema: typeof schema;
  /** Type only, never set: lets a handler bound to this topic receive `Event`. */
  readonly eventType?: Event;
} = { topic, subject, schema };
