// Generated from specs/openapi/payment.yaml by `npm run generate`. Do not edit: change the spec and regenerate.
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
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search payments
         * @description Payments matching every given filter, newest first (ties broken by paymentRef), one page at a time. Each carries its attempt count; the attempts themselves are on the payment's own resource.
         */
        get: operations["getPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{paymentRef}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier of the payment, assigned when its invoice was received.
                 * @example PAY-3F9A0C12B4D5E6F7
                 */
                paymentRef: components["parameters"]["PathPaymentRef"];
            };
            cookie?: never;
        };
        /** Read a payment with its debit attempts */
        get: operations["getPayment"];
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
        /** @description One recorded state change. */
        AuditEvent: {
            /** @description What was done, e.g. the operator actions on a payment. */
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
            /** @example payment */
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
        /** @description The SEPA mandate debited, as the invoice carried it. */
        DebitMandate: {
            bic?: string;
            /** @description Masked: country code, check digits and the last four characters (FR76 **** 0189). The full IBAN stays inside the payment service. */
            iban: string;
            mandateRef: string;
        };
        ErrorResponse: {
            /** @description Correlation id of the request (also in the x-correlation-id response header). */
            correlationId?: string;
            errors: components["schemas"]["ErrorType"][];
        };
        ErrorType: {
            detail?: string;
            /** @description Stable machine-readable code, e.g. VALIDATION_FAILED, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, PAYMENT_NOT_FOUND. */
            errorCode: string;
            message: string;
            /** @description Request path, or the field path (e.g. /body/amount) for a validation error. */
            path: string;
            /** @description HTTP status of the response. */
            status: number;
            /** Format: date-time */
            timestamp: string;
        };
        /** @description One call to the payment provider whose answer was recorded. */
        PaymentAttempt: {
            /** Format: date-time */
            attemptedAt: string;
            attemptNumber: number;
            message?: string;
            /**
             * @description TRANSIENT_FAILURE is retried (nothing was debited); FAILED is a refusal by the bank.
             * @enum {string}
             */
            outcome: "SUCCEEDED" | "FAILED" | "TRANSIENT_FAILURE";
            /** @description The provider's reference of the debit (SUCCEEDED only). */
            providerRef?: string;
            reasonCode?: string;
        };
        /** @description The collection of one invoice. `attempts` is present on GET /payments/{paymentRef} only; lists carry `attemptCount`. */
        PaymentResponse: {
            amount: components["schemas"]["SignedAmount"];
            attemptCount: number;
            attempts?: components["schemas"]["PaymentAttempt"][];
            /**
             * Format: date
             * @description Date the debit is collected, the one the invoice e-mail (the SEPA pre-notification) announced: nothing is sent to the provider before PAYMENT_COLLECTION_TIME on that day (in PAYMENT_TIME_ZONE). The due date for a payment recorded from an invoice issued before collection dates existed.
             */
            collectionDate: string;
            /** @example CTR-2026-000123 */
            contractRef: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @description Date the invoice said the debit is due.
             */
            dueDate: string;
            invoiceId: string;
            /** @example BIL-2026-000042 */
            invoiceRef: string;
            mandate?: components["schemas"]["DebitMandate"];
            /**
             * Format: date-time
             * @description When the next debit attempt is due (PENDING, RETRY_SCHEDULED).
             */
            nextAttemptAt?: string;
            /** @example PAY-3F9A0C12B4D5E6F7 */
            paymentRef: string;
            providerRef?: string;
            /** @description FAILED: INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, INVALID_ACCOUNT, CURRENCY_NOT_SUPPORTED, MANDATE_MISSING, PROVIDER_UNAVAILABLE…; RETRY_SCHEDULED: the last transient error. */
            reasonCode?: string;
            reasonMessage?: string;
            /**
             * Format: date-time
             * @description When the debit succeeded.
             */
            settledAt?: string;
            status: components["schemas"]["PaymentStatus"];
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description One page of the payments that meet the search criteria. */
        PaymentsResponse: {
            metadata: components["schemas"]["QueryMetadataResponse"];
            payments: components["schemas"]["PaymentResponse"][];
        };
        /**
         * @description PENDING (recorded, debit not yet attempted), RETRY_SCHEDULED (a transient failure, next attempt at nextAttemptAt), SUCCEEDED, FAILED (final, see reasonCode), NOT_REQUIRED (credit note or total ≤ 0: nothing debited).
         * @enum {string}
         */
        PaymentStatus: "PENDING" | "RETRY_SCHEDULED" | "SUCCEEDED" | "FAILED" | "NOT_REQUIRED";
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
        /** @description A decimal amount with its currency's digits (2 for EUR). Zero or negative only on a NOT_REQUIRED payment (credit note). */
        SignedAmount: {
            /** @example 1234.56 */
            amount: number;
            /**
             * @description ISO 4217 code.
             * @example EUR
             */
            currency: string;
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
        /** @description ERROR - no payment with this paymentRef (PAYMENT_NOT_FOUND). */
        NotFound: {
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
        /** @description Page number, from 1. */
        Page: number;
        /** @description Items per page. */
        PageSize: number;
        /**
         * @description Identifier of the payment, assigned when its invoice was received.
         * @example PAY-3F9A0C12B4D5E6F7
         */
        PathPaymentRef: string;
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
                /** @description Kind of entity, e.g. `payment`. */
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
    getPayments: {
        parameters: {
            query?: {
                contractRef?: string;
                invoiceRef?: string;
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page. */
                pageSize?: components["parameters"]["PageSize"];
                status?: components["schemas"]["PaymentStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - one page of the matching payments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier of the payment, assigned when its invoice was received.
                 * @example PAY-3F9A0C12B4D5E6F7
                 */
                paymentRef: components["parameters"]["PathPaymentRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - the payment as it is now, with every recorded attempt in order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}
