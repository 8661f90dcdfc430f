// Generated from specs/openapi/mailer.yaml by `npm run generate`. Do not edit: change the spec and regenerate.
export type paths = {
    "/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, newest first, filtered and paginated.
         * @description One event per state change this service made: who asked (the token's subject and scopes, or a `system:` subject for a change the service made by itself), the request id (the `x-correlation-id` of the request, also on the events it published), the entity and the action, the reason when one was given, and a short summary of the changed fields before and after (never whole records, personal data or secrets). Each event is written in the transaction of its change: there is no change without its event and no event without its change. A replayed idempotent request and a refused one record nothing.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credit-notes/{creditNoteRef}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Render a credit note as PDF
         * @description The credit note rendered again from the billing.credit-note-issued.v1 event recorded for it and the invoice it corrects: the same PDF/A-3 Factur-X document as the one attached to its e-mail.
         */
        get: operations["getCreditNotePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search deliveries
         * @description Deliveries matching every given filter, the most recently received invoice first (then by deliveryId, a stable order), one page at a time. The deliveries of an invoice's credit notes match that invoice's invoiceRef too; creditNoteRef selects those of one credit note.
         */
        get: operations["getDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a delivery */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoiceRef}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * E-mail an invoice again
         * @description Creates a new delivery (kind RESEND) of a recorded invoice, to `email` when given, else to the invoice's billing contact, with the same HTML body and PDF attachment; the delivery worker sends it and publishes its outcome on mailer.invoice-delivery.v1 like any other. A `reason` is required and kept on the delivery with who asked. With an `Idempotency-Key` (per client), the same request again answers the delivery it created, as it is now (200), and sends nothing more; the same key with another request is refused (409 IDEMPOTENCY_KEY_REUSED). Refused with 409 DELIVERY_IN_PROGRESS while a delivery of the invoice is still PENDING.
         */
        post: operations["resendInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoiceRef}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Render an invoice as PDF
         * @description The invoice (or credit note) rendered again from the billing.invoice-issued.v1 event recorded for it: the same document as the one attached to the e-mail.
         */
        get: operations["getInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search customer notices
         * @description The notices e-mailed (or to be e-mailed) to customers, matching every given filter, the most recently recorded first (then by noticeId, a stable order), one page at a time. A notice of a debit whose invoice the mailer has not received yet waits for it (PENDING, without recipient) and is sent once the invoice arrives.
         */
        get: operations["getNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        Amount: {
            /** @description Decimal amount with the currency's number of decimals. */
            amount: number;
            currency: string;
        };
        /** @description One recorded state change. */
        AuditEvent: {
            /** @description What was done, e.g. the operator actions on a delivery. */
            action: string;
            /** @description Who asked for the change. */
            actor: {
                /** @description The token's scopes (empty for a system change). */
                scopes: string[];
                /** @description The token's subject, or `system:<job>` for a change the service made by itself. */
                subject: string;
            };
            after?: components["schemas"]["AuditSummary"];
            /** Format: uuid */
            auditEventId: string;
            before?: components["schemas"]["AuditSummary"];
            entityId: string;
            /** @example delivery */
            entityType: string;
            /**
             * Format: date-time
             * @description When the change happened (the service's clock).
             */
            occurredAt: string;
            /** @description Why, when the caller gave a reason. */
            reason?: string;
            /** @description Correlation id of the request (its x-correlation-id), also on the events the change published. */
            requestId: string;
        };
        /** @description One page of audit events. */
        AuditEventsResponse: {
            auditEvents: components["schemas"]["AuditEvent"][];
            metadata: components["schemas"]["QueryMetadataResponse"];
        };
        /** @description The changed fields and their values on one side of the change (before or after), e.g. `{"status": "ACTIVE"}`; absent before a creation. */
        AuditSummary: {
            [key: string]: unknown;
        };
        /** @description Credit note number as issued by billing, e.g. AV-2026-000007. */
        CreditNoteRef: string;
        DeliveriesResponse: {
            deliveries: components["schemas"]["Delivery"][];
            metadata: components["schemas"]["QueryMetadataResponse"];
        };
        Delivery: {
            /** @description Sending attempts made so far. */
            attempts: number;
            contractRef: string;
            /** @description A credit note's delivery only - the credit note e-mailed; invoiceRef is then the invoice it corrects. */
            creditNoteRef?: components["schemas"]["CreditNoteRef"];
            /** Format: uuid */
            deliveryId: string;
            /**
             * Format: date-time
             * @description FAILED only.
             */
            failedAt?: string;
            /** @description FAILED only - why the delivery was given up. */
            failureReason?: string;
            invoiceRef: components["schemas"]["InvoiceRef"];
            /**
             * @description CREDIT_NOTE for a credit note's delivery (and for an invoice billing issued as CREDIT_NOTE).
             * @enum {string}
             */
            invoiceType: "INVOICE" | "CREDIT_NOTE";
            /**
             * @description ORIGINAL - the delivery made when the invoice was received; RESEND - one an operator asked for.
             * @enum {string}
             */
            kind: "ORIGINAL" | "RESEND";
            /** @description Why the latest attempt failed, if it did. */
            lastError?: string;
            /** @description SMTP Message-ID of this delivery, fixed when the invoice is received so that a resent copy carries the same one. */
            messageId: string;
            /**
             * Format: date-time
             * @description PENDING only - when the next attempt is due.
             */
            nextAttemptAt?: string;
            /** @description Billed month, YYYY-MM. */
            period: string;
            /** @description RESEND only - why the operator asked for it. */
            reason?: string;
            /**
             * Format: date-time
             * @description When the billing.invoice-issued.v1 event was recorded, or the resend asked for.
             */
            receivedAt: string;
            /** @description E-mail address the invoice is sent to (the billing contact, or the address an operator gave). */
            recipient: string;
            /** @description RESEND only - the token subject of the operator who asked. */
            requestedBy?: string;
            /**
             * Format: date-time
             * @description SENT only - when the SMTP server accepted the e-mail.
             */
            sentAt?: string;
            status: components["schemas"]["DeliveryStatus"];
            totalWithTax: components["schemas"]["Amount"];
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description PENDING: not yet accepted by the SMTP server (waiting for its first attempt or a retry). SENT: accepted by the SMTP server. FAILED: refused for good, or still failing after the last attempt.
         * @enum {string}
         */
        DeliveryStatus: "PENDING" | "SENT" | "FAILED";
        ErrorResponse: {
            /** @description Correlation id of the request (also in the x-correlation-id response header). */
            correlationId?: string;
            errors: components["schemas"]["ErrorType"][];
        };
        ErrorType: {
            detail?: string;
            /** @description Stable machine-readable code, e.g. VALIDATION_FAILED, UNAUTHORIZED, FORBIDDEN, NOT_FOUND. */
            errorCode: string;
            message: string;
            /** @description Request path, or the field path (e.g. /body/amount) for a validation error. */
            path: string;
            /** @description HTTP status of the response. */
            status: number;
            /** Format: date-time */
            timestamp: string;
        };
        /** @description Invoice number as issued by billing, e.g. BIL-2026-000042. */
        InvoiceRef: string;
        Notice: {
            amount?: components["schemas"]["Amount"];
            /** @description Sending attempts made so far. */
            attempts: number;
            /**
             * Format: uuid
             * @description eventId of the payment.result.v1 or contract.lifecycle.v1 event the notice tells of (one notice per event).
             */
            causeEventId: string;
            contractRef: string;
            /**
             * Format: date-time
             * @description FAILED only.
             */
            failedAt?: string;
            /** @description FAILED only - why the notice was given up. */
            failureReason?: string;
            invoiceRef?: components["schemas"]["InvoiceRef"];
            kind: components["schemas"]["NoticeKind"];
            /**
             * @description The language the notice is written in (the contract's, or the invoice's).
             * @enum {string}
             */
            language: "fr" | "en";
            /** @description Why the latest attempt failed, if it did. */
            lastError?: string;
            /** @description SMTP Message-ID of the notice, fixed when it is recorded, so a copy sent again after a crash carries the same one. */
            messageId: string;
            /**
             * Format: date-time
             * @description PENDING only - when the next attempt is due.
             */
            nextAttemptAt?: string;
            /** Format: uuid */
            noticeId: string;
            /** @description DEBIT_FAILED and DEBIT_RETURNED - the payment's reason code (e.g. INSUFFICIENT_FUNDS), told to the customer in plain words. */
            reasonCode?: string;
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            receivedAt: string;
            /** @description The billing contact's e-mail address; absent while a debit notice waits for its invoice. */
            recipient?: string;
            /** @description DEBIT_RETURNED - the ISO 20022 reason code of the return (e.g. AM04). */
            returnReasonCode?: string;
            /**
             * Format: date-time
             * @description SENT only - when the SMTP server accepted the e-mail.
             */
            sentAt?: string;
            status: components["schemas"]["DeliveryStatus"];
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description DEBIT_FAILED: a direct debit was refused (payment.result.v1 FAILED). DEBIT_RETURNED: a settled debit came back (RETURNED). CONTRACT_SUSPENDED, CONTRACT_REACTIVATED: the contract's status changed (contract.lifecycle.v1 SUSPENDED, REACTIVATED).
         * @enum {string}
         */
        NoticeKind: "DEBIT_FAILED" | "DEBIT_RETURNED" | "CONTRACT_SUSPENDED" | "CONTRACT_REACTIVATED";
        NoticesResponse: {
            metadata: components["schemas"]["QueryMetadataResponse"];
            notices: components["schemas"]["Notice"][];
        };
        /** @description Information on the current query, and counts of items and pages. */
        QueryMetadataResponse: {
            /** @description Number of items in this response. */
            countItems: number;
            page: number;
            pageSize: number;
            /** @description URI of the current query. */
            query: string;
            /** @description Total number of items for the query. */
            totalItems: number;
            /** @description Total number of pages for the query. */
            totalPages: number;
        };
        ResendRequest: {
            /**
             * Format: email
             * @description Send to this address instead of the invoice's billing contact.
             */
            email?: string;
            /**
             * @description Why the invoice is e-mailed again; required, kept with the delivery.
             * @example The customer lost the original e-mail.
             */
            reason: string;
        };
    };
    responses: {
        /** @description ERROR - invalid parameters (VALIDATION_FAILED). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description ERROR - the token lacks the required scope (FORBIDDEN). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description ERROR - missing, invalid or expired bearer token (UNAUTHORIZED). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description Client-chosen unique key of this request (e.g. a UUID). Kept per client (token subject): resending the same request with it answers the delivery created the first time; reusing it for a different request is refused (409 IDEMPOTENCY_KEY_REUSED). */
        IdempotencyKey: string;
        /** @description Page number, from 1. */
        Page: number;
        /** @description Items per page. */
        PageSize: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Identifier of the entity (best combined with entityType). */
                entityId?: string;
                /** @description Kind of entity, e.g. `delivery`. */
                entityType?: string;
                /** @description Earliest occurredAt (inclusive). */
                from?: string;
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page. */
                pageSize?: components["parameters"]["PageSize"];
                /** @description Latest occurredAt (exclusive), so consecutive windows neither overlap nor leave a gap. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - one page of audit events and the query metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getCreditNotePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example AV-2026-000007 */
                creditNoteRef: components["schemas"]["CreditNoteRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - the PDF document. */
            200: {
                headers: {
                    /** @description inline; filename="<creditNoteRef>.pdf" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description ERROR - no credit note with this reference was received, or not yet the invoice it corrects (CREDIT_NOTE_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getDeliveries: {
        parameters: {
            query?: {
                contractRef?: string;
                creditNoteRef?: components["schemas"]["CreditNoteRef"];
                invoiceRef?: components["schemas"]["InvoiceRef"];
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page. */
                pageSize?: components["parameters"]["PageSize"];
                status?: components["schemas"]["DeliveryStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - one page of the matching deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveriesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - the delivery as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description ERROR - no delivery with this id (DELIVERY_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    resendInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen unique key of this request (e.g. a UUID). Kept per client (token subject): resending the same request with it answers the delivery created the first time; reusing it for a different request is refused (409 IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @example BIL-2026-000042 */
                invoiceRef: components["schemas"]["InvoiceRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResendRequest"];
            };
        };
        responses: {
            /** @description SUCCESS - replay of an earlier request with the same Idempotency-Key; the delivery it created, as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            /** @description SUCCESS - the new delivery, PENDING; the e-mail goes out shortly. */
            202: {
                headers: {
                    /** @description URL of the new delivery. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description ERROR - no invoice with this reference was received (INVOICE_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description ERROR - a delivery of the invoice is still PENDING (DELIVERY_IN_PROGRESS), or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED). Nothing was created. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getInvoicePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example BIL-2026-000042 */
                invoiceRef: components["schemas"]["InvoiceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - the PDF document. */
            200: {
                headers: {
                    /** @description inline; filename="<invoiceRef>.pdf" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description ERROR - no invoice with this reference was received (INVOICE_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getNotices: {
        parameters: {
            query?: {
                contractRef?: string;
                invoiceRef?: components["schemas"]["InvoiceRef"];
                kind?: components["schemas"]["NoticeKind"];
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page. */
                pageSize?: components["parameters"]["PageSize"];
                status?: components["schemas"]["DeliveryStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - one page of the matching notices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
}
