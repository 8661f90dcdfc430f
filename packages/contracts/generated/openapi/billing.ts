// Generated from specs/openapi/billing.yaml by `npm run generate`. Do not edit: change the spec and regenerate.
export type paths = {
    "/contracts/{contractRef}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outstanding, limit and what is still available on a contract. */
        get: operations["getContractBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operations, newest first, filtered and paginated. */
        get: operations["listOperations"];
        put?: never;
        /**
         * Submit a purchase or a refund; billing accepts or rejects it on the spot.
         * @description A PURCHASE is accepted only if its contract is known and ACTIVE, its operationAt lies within the contract's validity (activatedAt ≤ operationAt ≤ expireAt), the direct-debit mandate is signed and ACTIVE, and outstanding + totalWithTax ≤ the outstanding limit. A REFUND is accepted when it names an earlier ACCEPTED purchase of the same contract (`order.refundedOrderRef`, or `order.orderRef` when absent) and does not exceed what remains refundable on it, whatever the contract's status or mandate.
         *
         *     Amounts are decimal numbers with at most the currency's minor digits. Each product line must satisfy amountWithoutTax = quantity × unitPrice and amountWithTax = amountWithoutTax + amountTax; the order totals must be the sums of the lines.
         *
         *     Idempotent: the same `Idempotency-Key`, or the same (contractRef, orderRef, type), sent again returns the first answer (same status and body, header `Idempotent-Replayed: true`) and creates nothing. Sent again with a different body it is refused with 409. A rejection is final for its order: a new attempt needs a new orderRef.
         */
        post: operations["submitOperation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One operation, accepted or rejected. */
        get: operations["getOperation"];
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
        /** @description Decimal amount with at most the currency's minor digits (2 for EUR). */
        Amount: number;
        /** @description Postal address in lines ordered as in AFNOR NF Z 10-011; optional lines may be empty. */
        BusinessAddress: {
            /** @description ISO 3166-1 alpha-2. */
            countryCode?: string;
            countryName?: string;
            line1?: string;
            line2?: string;
            line3?: string;
            line4?: string;
            line5?: string;
            locality?: string;
        };
        BusinessPerson: {
            firstName?: string;
            /** @enum {string} */
            gender?: "M" | "MME";
            lastName: string;
            /** Format: email */
            mail: string;
            phone?: string;
        };
        /** @description Contact of the customer. */
        Contact: {
            ccuid?: string;
            firstName?: string;
            /** @enum {string} */
            gender?: "M" | "MME";
            lastName?: string;
            /** Format: email */
            mail?: string;
            phone?: string;
        };
        /** @description outstanding = signed sum of the accepted operations not yet settled by a payment; available = limit - outstanding. */
        ContractBalance: {
            available: components["schemas"]["SignedAmount"];
            contractRef: components["schemas"]["ContractRef"];
            /** @enum {string} */
            contractStatus: "CREATED" | "ACTIVE" | "SUSPENDED" | "TERMINATED" | "EXPIRED";
            counts: {
                acceptedPurchases: number;
                acceptedRefunds: number;
                rejected: number;
            };
            currencyCode: components["schemas"]["CurrencyCode"];
            limit: components["schemas"]["Amount"];
            outstanding: components["schemas"]["SignedAmount"];
        };
        /** @example CTR-2026-000123 */
        ContractRef: string;
        /**
         * @description ISO 4217 code.
         * @example EUR
         */
        CurrencyCode: string;
        /** @enum {string} */
        DecisionStatus: "ACCEPTED" | "REJECTED";
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
        /** @description The ErrorResponse shape (errorCode = the rejection code, status 422) plus the id of the stored decision and the operation as stored. */
        OperationRejectedResponse: {
            correlationId: string;
            errors: components["schemas"]["ErrorType"][];
            operation: components["schemas"]["OperationResponse"];
            /** Format: uuid */
            operationId: string;
        };
        /** @description A purchase or a refund made by a sales system on a deferred-billing contract. */
        OperationRequest: {
            contact?: components["schemas"]["Contact"];
            contractRef: components["schemas"]["ContractRef"];
            /**
             * @description External identifier of the customer.
             * @example HA-8768376537
             */
            customerRef?: string;
            /**
             * Format: date
             * @description Transaction date in the sales system (YYYY-MM-DD).
             * @example 2026-11-20
             */
            operationAt: string;
            order: components["schemas"]["Order"];
            type: components["schemas"]["OperationType"];
        };
        /** @description An operation as billing stored it, with its decision. */
        OperationResponse: {
            contact?: components["schemas"]["Contact"];
            contractRef: components["schemas"]["ContractRef"];
            currencyCode: components["schemas"]["CurrencyCode"];
            customerRef?: string;
            /** Format: date-time */
            decidedAt: string;
            /** @description Invoice the operation was billed on; null until a billing run includes it. */
            invoiceRef: string | null;
            /** Format: date */
            operationAt: string;
            /**
             * Format: uuid
             * @description Internal identifier of the operation (and of its decision).
             */
            operationId: string;
            order: components["schemas"]["Order"];
            rejection?: components["schemas"]["Rejection"];
            status: components["schemas"]["DecisionStatus"];
            totalTax: components["schemas"]["Amount"];
            totalWithoutTax: components["schemas"]["Amount"];
            totalWithTax: components["schemas"]["Amount"];
            type: components["schemas"]["OperationType"];
        };
        /** @description Operations that meet the search criteria. */
        OperationsResponse: {
            metadata: components["schemas"]["QueryMetadataResponse"];
            operations: components["schemas"]["OperationResponse"][];
        };
        /** @enum {string} */
        OperationType: "PURCHASE" | "REFUND";
        /** @description What was bought (or refunded), line by line, with its totals. */
        Order: {
            amountEcoParticipation?: components["schemas"]["Amount"];
            currencyCode: components["schemas"]["CurrencyCode"];
            orderItems: components["schemas"]["OrderItem"][];
            /**
             * @description External order reference in the sales system.
             * @example 789e4567-e89b-12d3-a456-556642440000
             */
            orderRef: string;
            /**
             * @description For e-invoicing: LB = goods, PS = services, LBPS = both.
             * @enum {string}
             */
            orderType?: "LB" | "PS" | "LBPS";
            /** @description REFUND only: orderRef of the accepted purchase this refund gives money back on. When absent, the purchase with this order's own orderRef. */
            refundedOrderRef?: string;
            totalTax: components["schemas"]["Amount"];
            totalWithoutTax: components["schemas"]["Amount"];
            totalWithTax: components["schemas"]["Amount"];
        };
        OrderItem: {
            /** Format: date */
            deliveredOn?: string;
            productItems: components["schemas"]["ProductItem"][];
            shipmentAddress?: components["schemas"]["BusinessAddress"];
            shipmentContact?: components["schemas"]["BusinessPerson"];
        };
        ProductItem: {
            amountEcoParticipation?: components["schemas"]["Amount"];
            amountTax: components["schemas"]["Amount"];
            amountWithoutTax: components["schemas"]["Amount"];
            amountWithTax: components["schemas"]["Amount"];
            packaging?: string;
            productLabel: string;
            productRef?: string;
            quantity: number;
            travel?: components["schemas"]["TravelDetails"];
            unitPrice: components["schemas"]["Amount"];
            /** @description VAT rate in percent (5.5 for 5.5 %). */
            vatRate: number;
        };
        /** @description The current query, its page, and the count of items and pages. */
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
        Rejection: {
            errorCode: components["schemas"]["RejectionCode"];
            message: string;
        };
        /** @enum {string} */
        RejectionCode: "CONTRACT_UNKNOWN" | "CONTRACT_NOT_ACTIVE" | "OUTSIDE_CONTRACT_VALIDITY" | "MANDATE_INVALID" | "OUTSTANDING_LIMIT_EXCEEDED" | "CURRENCY_MISMATCH" | "PURCHASE_NOT_FOUND" | "REFUND_EXCEEDS_PURCHASE";
        /** @description Decimal amount, negative when the customer is in credit. */
        SignedAmount: number;
        /** @description Kept for the invoice line, so the customer can allocate the cost. */
        TravelDetails: {
            /** @description Booking or PNR reference. */
            bookingRef?: string;
            costCentre?: string;
            travellerName?: string;
        };
    };
    responses: {
        /** @description The request failed; see errorCode. */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description Client-chosen key of this submission (e.g. a UUID). Sent again with the same body, the first answer is returned; with another body, 409 IDEMPOTENCY_KEY_REUSED. */
        IdempotencyKey: string;
        /** @description 1-based page number. */
        Page: number;
        PageSize: number;
        /** @description External identifier of the invoice the operations were billed on. */
        QueryInvoiceRef: string;
    };
    requestBodies: never;
    headers: {
        /** @description "true" when this is the stored answer to an earlier identical submission. */
        IdempotentReplayed: "true";
    };
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getContractBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractRef: components["schemas"]["ContractRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract's balance as billing knows it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractBalance"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description CONTRACT_UNKNOWN — no event about this contract has reached billing. */
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
    listOperations: {
        parameters: {
            query?: {
                contractRef?: components["schemas"]["ContractRef"];
                /** @description Earliest operationAt (inclusive). */
                from?: string;
                /** @description External identifier of the invoice the operations were billed on. */
                invoiceRef?: components["parameters"]["QueryInvoiceRef"];
                /** @description 1-based page number. */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
                status?: components["schemas"]["DecisionStatus"];
                /** @description Latest operationAt (inclusive). */
                to?: string;
                type?: components["schemas"]["OperationType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of operations and the query metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
        };
    };
    submitOperation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen key of this submission (e.g. a UUID). Sent again with the same body, the first answer is returned; with another body, 409 IDEMPOTENCY_KEY_REUSED. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperationRequest"];
            };
        };
        responses: {
            /** @description ACCEPTED; the operation counts towards the contract's outstanding. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationResponse"];
                };
            };
            /** @description Invalid request: VALIDATION_FAILED, MALFORMED_JSON, UNKNOWN_CURRENCY, INVALID_AMOUNT (more decimals than the currency has), TOTALS_MISMATCH, AMOUNT_NOT_POSITIVE. Nothing is stored. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description IDEMPOTENCY_KEY_REUSED (the key was first used with another body) or ORDER_REF_REUSED (this contract already has an operation of this type with this orderRef, submitted with another body). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            /** @description REJECTED, and stored as such. errorCode is one of CONTRACT_UNKNOWN, CONTRACT_NOT_ACTIVE, OUTSIDE_CONTRACT_VALIDITY, MANDATE_INVALID, OUTSTANDING_LIMIT_EXCEEDED, CURRENCY_MISMATCH, PURCHASE_NOT_FOUND, REFUND_EXCEEDS_PURCHASE. */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationRejectedResponse"];
                };
            };
        };
    };
    getOperation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                operationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
}
