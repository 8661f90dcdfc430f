// Generated from specs/avro/billing.invoice-issued.v1.avsc by `npm run generate`. Do not edit: change the spec and regenerate.
import type { schema as avsc } from 'avsc';

export const topic = "billing.invoice-issued.v1" as const;
export const subject = "billing.invoice-issued.v1-value" as const;
export const schema: avsc.RecordType & { type: 'record' } = {
  "type": "record",
  "name": "InvoiceIssuedEvent",
  "namespace": "io.boissipay.billing.v1",
  "doc": "An invoice (or credit note) issued by a billing run, carrying everything the payment service and the mailer need: no one calls billing back. Keyed by contractRef.",
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
      "name": "invoice",
      "type": {
        "type": "record",
        "name": "IssuedInvoice",
        "fields": [
          {
            "name": "invoiceId",
            "type": "string",
            "doc": "UUID."
          },
          {
            "name": "invoiceRef",
            "type": "string",
            "doc": "Invoice number, sequential per calendar year without gaps, e.g. BIL-2026-000042."
          },
          {
            "name": "invoiceType",
            "type": {
              "type": "enum",
              "name": "InvoiceType",
              "symbols": [
                "INVOICE",
                "CREDIT_NOTE"
              ]
            },
            "doc": "CREDIT_NOTE when the total with tax is zero or negative."
          },
          {
            "name": "contractRef",
            "type": "string"
          },
          {
            "name": "contractId",
            "type": "string"
          },
          {
            "name": "period",
            "type": "string",
            "doc": "Billed month, YYYY-MM (in the billing time zone)."
          },
          {
            "name": "issueDate",
            "type": "string",
            "doc": "ISO-8601 date."
          },
          {
            "name": "dueDate",
            "type": "string",
            "doc": "ISO-8601 date the direct debit is due."
          },
          {
            "name": "currency",
            "type": "string",
            "doc": "ISO 4217; every amount below is in its minor units."
          },
          {
            "name": "totalWithoutTaxMinor",
            "type": "long"
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
            "doc": "One entry per VAT rate; bases and taxes add up to the totals.",
            "type": {
              "type": "array",
              "items": {
                "type": "record",
                "name": "VatSubtotal",
                "fields": [
                  {
                    "name": "rateBasisPoints",
                    "type": "int",
                    "doc": "VAT rate in hundredths of a percent: 2000 is 20 %, 550 is 5.5 %."
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
                "name": "InvoiceLine",
                "fields": [
                  {
                    "name": "lineNumber",
                    "type": "int"
                  },
                  {
                    "name": "operationId",
                    "type": "string"
                  },
                  {
                    "name": "operationType",
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
                    "name": "orderRef",
                    "type": "string"
                  },
                  {
                    "name": "operationDate",
                    "type": "string",
                    "doc": "ISO-8601 date."
                  },
                  {
                    "name": "description",
                    "type": "string"
                  },
                  {
                    "name": "quantity",
                    "type": "int"
                  },
                  {
                    "name": "unitPriceWithoutTaxMinor",
                    "type": "long",
                    "doc": "Negative on refund lines."
                  },
                  {
                    "name": "amountWithoutTaxMinor",
                    "type": "long",
                    "doc": "Negative on refund lines."
                  },
                  {
                    "name": "vatRateBasisPoints",
                    "type": "int"
                  },
                  {
                    "name": "taxMinor",
                    "type": "long"
                  },
                  {
                    "name": "amountWithTaxMinor",
                    "type": "long"
                  },
                  {
                    "name": "traveller",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null
                  },
                  {
                    "name": "bookingRef",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null,
                    "doc": "Booking or PNR reference."
                  },
                  {
                    "name": "costCentre",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null
                  }
                ]
              }
            }
          },
          {
            "name": "customer",
            "type": {
              "type": "record",
              "name": "InvoiceCustomer",
              "fields": [
                {
                  "name": "subscriberRef",
                  "type": "string"
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
                  "default": null
                }
              ]
            }
          },
          {
            "name": "billingContact",
            "type": {
              "type": "record",
              "name": "InvoiceContact",
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
            "type": {
              "type": "record",
              "name": "InvoiceAddress",
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
                  "default": "FR"
                }
              ]
            }
          },
          {
            "name": "mandate",
            "doc": "The SEPA mandate to debit, as known when the invoice was issued; null if the contract had none.",
            "type": [
              "null",
              {
                "type": "record",
                "name": "DebitMandate",
                "fields": [
                  {
                    "name": "mandateRef",
                    "type": "string"
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
                    "doc": "ISO-8601 date the debtor signed the mandate (its DtOfSgntr in a pain.008 file); null in events written before the field existed."
                  }
                ]
              }
            ],
            "default": null
          },
          {
            "name": "debitRequired",
            "type": "boolean",
            "doc": "False for a credit note or a total of zero or less: nothing is debited."
          },
          {
            "name": "collectionDate",
            "type": [
              "null",
              "string"
            ],
            "default": null,
            "doc": "ISO-8601 date the direct debit is collected, as the pre-notification states it: the due date moved to the next TARGET2 business day, and never earlier than the issue date plus the pre-notification lead time. Null in events issued before it existed: the due date is then the collection date."
          },
          {
            "name": "language",
            "type": "string",
            "default": "fr",
            "doc": "Language the invoice and its e-mail are written in, the contract's when the invoice was issued (ISO 639-1): fr (the default, also for events published before it existed) or en."
          }
        ]
      }
    }
  ]
};

export const invoiceTypeValues = ["INVOICE","CREDIT_NOTE"] as const;
export type InvoiceType = (typeof invoiceTypeValues)[number];

export interface VatSubtotal {
  /** VAT rate in hundredths of a percent: 2000 is 20 %, 550 is 5.5 %. */
  rateBasisPoints: number;
  baseMinor: number;
  taxMinor: number;
}

export const operationTypeValues = ["PURCHASE","REFUND"] as const;
export type OperationType = (typeof operationTypeValues)[number];

export interface InvoiceLine {
  lineNumber: number;
  operationId: string;
  operationType: OperationType;
  orderRef: string;
  /** ISO-8601 date. */
  operationDate: string;
  description: string;
  quantity: number;
  /** Negative on refund lines. */
  unitPriceWithoutTaxMinor: number;
  /** Negative on refund lines. */
  amountWithoutTaxMinor: number;
  vatRateBasisPoints: number;
  taxMinor: number;
  amountWithTaxMinor: number;
  traveller: null | string;
  /** Booking or PNR reference. */
  bookingRef: null | string;
  costCentre: null | string;
}

export interface InvoiceCustomer {
  subscriberRef: string;
  customerRef: null | string;
  siren: null | string;
  vatNumber: null | string;
}

export interface InvoiceContact {
  firstName: string;
  lastName: string;
  email: string;
  phone: null | string;
}

export interface InvoiceAddress {
  line1: string;
  line2: string;
  line3: string;
  line4: string;
  line5: string;
  line6: string;
  country: string;
}

export interface DebitMandate {
  mandateRef: string;
  iban: string;
  bic: null | string;
  /** ISO-8601 date the debtor signed the mandate (its DtOfSgntr in a pain.008 file); null in events written before the field existed. */
  signedAt: null | string;
}

export interface IssuedInvoice {
  /** UUID. */
  invoiceId: string;
  /** Invoice number, sequential per calendar year without gaps, e.g. BIL-2026-000042. */
  invoiceRef: string;
  /** CREDIT_NOTE when the total with tax is zero or negative. */
  invoiceType: InvoiceType;
  contractRef: string;
  contractId: string;
  /** Billed month, YYYY-MM (in the billing time zone). */
  period: string;
  /** ISO-8601 date. */
  issueDate: string;
  /** ISO-8601 date the direct debit is due. */
  dueDate: string;
  /** ISO 4217; every amount below is in its minor units. */
  currency: string;
  totalWithoutTaxMinor: number;
  totalTaxMinor: number;
  totalWithTaxMinor: number;
  /** One entry per VAT rate; bases and taxes add up to the totals. */
  vatBreakdown: Array<VatSubtotal>;
  lines: Array<InvoiceLine>;
  customer: InvoiceCustomer;
  billingContact: InvoiceContact;
  billingAddress: InvoiceAddress;
  /** The SEPA mandate to debit, as known when the invoice was issued; null if the contract had none. */
  mandate: null | DebitMandate;
  /** False for a credit note or a total of zero or less: nothing is debited. */
  debitRequired: boolean;
  /** ISO-8601 date the direct debit is collected, as the pre-notification states it: the due date moved to the next TARGET2 business day, and never earlier than the issue date plus the pre-notification lead time. Null in events issued before it existed: the due date is then the collection date. */
  collectionDate: null | string;
  /** Language the invoice and its e-mail are written in, the contract's when the invoice was issued (ISO 639-1): fr (the default, also for events published before it existed) or en. */
  language: string;
}

/** An invoice (or credit note) issued by a billing run, carrying everything the payment service and the mailer need: no one calls billing back. Keyed by contractRef. */
export interface InvoiceIssuedEvent {
  /** UUID of this event. */
  eventId: string;
  /** ISO-8601 UTC instant. */
  occurredAt: string;
  correlationId: null | string;
  causationId: null | string;
  /** Aggregate key, also the Kafka message key. */
  contractRef: string;
  invoice: IssuedInvoice;
}

export type Event = InvoiceIssuedEvent;

/** What producers and consumers bind to: the topic, its subject and schema, typed with the event it carries. */
export const eventTopic: {
  readonly topic: typeof topic;
  readonly subject: typeof subject;
  readonly schema: typeof schema;
  /** Type only, never set: lets a handler bound to this topic receive `Event`. */
  readonly eventType?: Event;
} = { topic, subject, schema };
