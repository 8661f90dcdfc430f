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
    "/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the pain.008 batches, one per collection date
         * @description With the file provider (PAYMENT_PROVIDER=pain008), every debit the worker sends is written into the batch of its collection date. One entry per collection date, newest first, with its number of transactions, its control sum (the sum of their amounts) and how many are a mandate's first collection (FRST) or a recurring one (RCUR). A customer-scoped token counts only its customers' transactions (and sees no date without any). Empty with the simulated provider.
         */
        get: operations["getCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collections/{collectionDate}/pain008": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The requested collection date (ReqdColltnDt) of the batch. */
                collectionDate: string;
            };
            cookie?: never;
        };
        /**
         * The batch of a collection date as an ISO 20022 pain.008.001.08 file
         * @description A Customer Direct Debit Initiation (SEPA Core, `urn:iso:std:iso:20022:tech:xsd:pain.008.001.08`) valid against the ISO 20022 schema shipped in `specs/iso20022/`. Group header: a message id derived from the date and the transactions (the same content gives the same id), the number of transactions and their control sum. One payment information block per sequence type (FRST for a mandate's first collection, RCUR afterwards: tracked per mandate across collection dates), each with its own count and control sum, the creditor (PAYMENT_CREDITOR_NAME, PAYMENT_CREDITOR_IBAN, PAYMENT_CREDITOR_BIC) and its SEPA creditor identifier (PAYMENT_CREDITOR_ID). Per transaction: end-to-end id = the payment reference (suffixed `-R<n>` for an operator's n-th re-presentation), the amount, the mandate reference and its date of signature, the debtor's name, IBAN and BIC (NOTPROVIDED when the mandate has none), and the invoice number as remittance information. A customer-scoped token gets a file of its customers' transactions only. 404 COLLECTION_NOT_FOUND when the date has no transaction (for the caller).
         */
        get: operations["getCollectionPain008"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collections/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the bank's returns (a pain.002 status report)
         * @description The body is an ISO 20022 Customer Payment Status Report (`CstmrPmtStsRpt`, pain.002, any version 001.03 to 001.13) from the creditor's bank. Every transaction status RJCT names its debit by `OrgnlEndToEndId` (the payment reference, as in the pain.008 file) and its reason by `StsRsnInf/Rsn/Cd` (AM04, AC04, MD01, MS02…; a rejection of a whole payment information block applies to each of its transactions). Each such debit, if it is the SUCCEEDED current debit of its payment, makes the payment RETURNED and publishes `payment.result.v1` RETURNED. The whole report is applied in one transaction, and a report imported again changes nothing (ALREADY_RETURNED). A body that is not a pain.002 report, or a rejection without a reason code, is refused with 400 and nothing is applied. Other statuses (ACCP, ACSC…) are reported as IGNORED.
         */
        post: operations["importCollectionReturns"];
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
    "/payments/{paymentRef}/cancel": {
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
        get?: never;
        put?: never;
        /**
         * Cancel a scheduled debit
         * @description A payment not yet debited (PENDING, or RETRY_SCHEDULED after a transient failure) becomes CANCELLED and is never debited; `payment.result.v1` CANCELLED tells billing the invoice stays unpaid (a manual payment can still settle it) and does not trigger dunning. Refused with 409 PAYMENT_IN_PROGRESS while a debit is under way, and PAYMENT_NOT_CANCELLABLE once the payment is SUCCEEDED, FAILED, NOT_REQUIRED or CANCELLED.
         */
        post: operations["cancelPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{paymentRef}/manual-payment": {
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
        get?: never;
        put?: never;
        /**
         * Record a manual payment (bank transfer)
         * @description The customer paid the invoice by bank transfer: the payment becomes SUCCEEDED with method BANK_TRANSFER, the bank's reference and the date the money was received, and is never debited. Published at once on `payment.result.v1` (SUCCEEDED), so billing marks the invoice PAID and lowers the outstanding once. Allowed while the payment is PENDING, RETRY_SCHEDULED, FAILED or CANCELLED and no debit is in progress; refused with 409 PAYMENT_ALREADY_SETTLED (SUCCEEDED, NOT_REQUIRED) or PAYMENT_IN_PROGRESS. A `receivedOn` in the future is refused with 422 RECEIVED_ON_IN_FUTURE.
         */
        post: operations["recordManualPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{paymentRef}/retry": {
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
        get?: never;
        put?: never;
        /**
         * Retry a failed or returned debit now
         * @description A FAILED or RETURNED payment is presented to the bank again: it becomes PENDING, due now, and the debit worker attempts it as a new debit (its own idempotency key at the provider, its own round of transient retries). Its outcome is published on `payment.result.v1` (SUCCEEDED makes the invoice PAID in billing). Refused with 409 PAYMENT_NOT_FAILED for any other status than FAILED or RETURNED (a returned debit is re-presented the same way), and MANDATE_MISSING when there is no mandate to debit.
         */
        post: operations["retryPayment"];
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
        /** @description The transactions of one collection date, as its pain.008 file carries them. */
        CollectionBatch: {
            /** Format: date */
            collectionDate: string;
            controlSum: components["schemas"]["SignedAmount"];
            /** @description Transactions with sequence type FRST (a mandate's first collection). */
            firstCollections: number;
            numberOfTransactions: number;
            /** @description Transactions with sequence type RCUR. */
            recurringCollections: number;
        };
        CollectionsResponse: {
            collections: components["schemas"]["CollectionBatch"][];
            metadata: components["schemas"]["QueryMetadataResponse"];
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
        ManualPaymentRequest: {
            /**
             * @description The bank's reference of the transfer, as on the statement.
             * @example VIR-2026-11-000123
             */
            bankReference: string;
            reason: components["schemas"]["Reason"];
            /**
             * Format: date
             * @description The date the transfer was received; not in the future.
             */
            receivedOn: string;
        };
        OperatorActionRequest: {
            reason: components["schemas"]["Reason"];
        };
        /** @description One operator action on the payment. */
        PaymentAction: {
            bankReference?: string;
            /** @enum {string} */
            kind: "RETRY" | "MANUAL_PAYMENT" | "CANCEL";
            reason: string;
            /** Format: date */
            receivedOn?: string;
            /** Format: date-time */
            requestedAt: string;
            /** @description The token subject of the operator (or system) that asked. */
            requestedBy: string;
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
            /** @description The operators' actions on the payment, oldest first (GET /payments/{paymentRef} and the actions' answers). */
            actions?: components["schemas"]["PaymentAction"][];
            amount: components["schemas"]["SignedAmount"];
            attemptCount: number;
            attempts?: components["schemas"]["PaymentAttempt"][];
            /** @description The bank's reference of a manual payment (BANK_TRANSFER). */
            bankReference?: string;
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
             * @description How the invoice was (or is to be) paid.
             * @enum {string}
             */
            method?: "DIRECT_DEBIT" | "BANK_TRANSFER";
            /**
             * Format: date-time
             * @description When the next debit attempt is due (PENDING, RETRY_SCHEDULED).
             */
            nextAttemptAt?: string;
            /** @example PAY-3F9A0C12B4D5E6F7 */
            paymentRef: string;
            providerRef?: string;
            /** @description FAILED: INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, INVALID_ACCOUNT, CURRENCY_NOT_SUPPORTED, MANDATE_MISSING, PROVIDER_UNAVAILABLE…; RETRY_SCHEDULED: the last transient error; RETURNED: the return's reason (INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, NO_MANDATE, REFUSED_BY_DEBTOR, DEBIT_RETURNED for a code without a name of its own). */
            reasonCode?: string;
            reasonMessage?: string;
            /**
             * Format: date
             * @description The date a manual payment was received (BANK_TRANSFER).
             */
            receivedOn?: string;
            /**
             * Format: date-time
             * @description When that return was recorded.
             */
            returnedAt?: string;
            /** @description The ISO 20022 reason code of the last return of a debit of this payment (AM04, AC04, MD01, MS02…): present once a debit came back, also after a re-presentation. */
            returnReasonCode?: string;
            /**
             * Format: date-time
             * @description When the debit succeeded, or when the manual payment was recorded.
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
         * @description PENDING (recorded, debit not yet attempted), RETRY_SCHEDULED (a transient failure, next attempt at nextAttemptAt), SUCCEEDED (debited, or paid by bank transfer: see method), FAILED (see reasonCode; an operator may retry it), NOT_REQUIRED (credit note or total ≤ 0: nothing debited), CANCELLED (an operator cancelled the debit: never debited), RETURNED (debited, then sent back by the debtor's bank: see returnReasonCode; an operator may re-present it).
         * @enum {string}
         */
        PaymentStatus: "PENDING" | "RETRY_SCHEDULED" | "SUCCEEDED" | "FAILED" | "NOT_REQUIRED" | "CANCELLED" | "RETURNED";
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
        /**
         * @description Why the operator acts; required, kept with the action.
         * @example Customer topped up the account, asked to present the debit again.
         */
        Reason: string;
        ReturnsImportResponse: {
            returns: {
                endToEndId: string;
                /**
                 * @description RETURNED (the payment is now RETURNED), ALREADY_RETURNED (an earlier import did it), NOT_RETURNABLE (the payment is not the SUCCEEDED debit this id names), UNKNOWN (no payment has this end-to-end id), IGNORED (not a rejection).
                 * @enum {string}
                 */
                outcome: "RETURNED" | "ALREADY_RETURNED" | "NOT_RETURNABLE" | "UNKNOWN" | "IGNORED";
                /** @description The payment the end-to-end id names, when there is one. */
                paymentRef?: string;
                reasonCode?: string;
                /** @description The transaction status in the report (RJCT, ACCP…). */
                status: string;
            }[];
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
        /** @description ERROR - refused in the payment's current state (PAYMENT_NOT_FAILED, MANDATE_MISSING, PAYMENT_ALREADY_SETTLED, PAYMENT_IN_PROGRESS, PAYMENT_NOT_CANCELLABLE), or the Idempotency-Key was used for a different request (IDEMPOTENCY_KEY_REUSED). Nothing was changed. */
        Conflict: {
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
        /** @description ERROR - the request is well-formed but cannot apply (RECEIVED_ON_IN_FUTURE). Nothing was changed. */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description Client-chosen unique key of this action (e.g. a UUID). Kept per client (token subject): resending the same request with it answers the payment as it is now and does nothing more; reusing it for a different request is refused (409 IDEMPOTENCY_KEY_REUSED). */
        IdempotencyKey: string;
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
    getCollections: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page. */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - one page of collection batches. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getCollectionPain008: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The requested collection date (ReqdColltnDt) of the batch. */
                collectionDate: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - the pain.008.001.08 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description ERROR - no transaction for this collection date (COLLECTION_NOT_FOUND). */
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
    importCollectionReturns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/xml": string;
            };
        };
        responses: {
            /** @description SUCCESS - what became of each transaction status of the report, in order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnsImportResponse"];
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
    cancelPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen unique key of this action (e.g. a UUID). Kept per client (token subject): resending the same request with it answers the payment as it is now and does nothing more; reusing it for a different request is refused (409 IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Identifier of the payment, assigned when its invoice was received.
                 * @example PAY-3F9A0C12B4D5E6F7
                 */
                paymentRef: components["parameters"]["PathPaymentRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperatorActionRequest"];
            };
        };
        responses: {
            /** @description SUCCESS - the payment is cancelled (or this is a replay); the payment as it is now. */
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
            409: components["responses"]["Conflict"];
        };
    };
    recordManualPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen unique key of this action (e.g. a UUID). Kept per client (token subject): resending the same request with it answers the payment as it is now and does nothing more; reusing it for a different request is refused (409 IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Identifier of the payment, assigned when its invoice was received.
                 * @example PAY-3F9A0C12B4D5E6F7
                 */
                paymentRef: components["parameters"]["PathPaymentRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManualPaymentRequest"];
            };
        };
        responses: {
            /** @description SUCCESS - the payment is settled (or this is a replay); the payment as it is now. */
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
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    retryPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen unique key of this action (e.g. a UUID). Kept per client (token subject): resending the same request with it answers the payment as it is now and does nothing more; reusing it for a different request is refused (409 IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Identifier of the payment, assigned when its invoice was received.
                 * @example PAY-3F9A0C12B4D5E6F7
                 */
                paymentRef: components["parameters"]["PathPaymentRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperatorActionRequest"];
            };
        };
        responses: {
            /** @description SUCCESS - the debit is scheduled now (or this is a replay); the payment as it is now. */
            202: {
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
            409: components["responses"]["Conflict"];
        };
    };
}
