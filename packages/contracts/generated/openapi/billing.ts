// Generated from specs/openapi/billing.yaml by `npm run generate`. Do not edit: change the spec and regenerate.
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
    "/billing-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Billing runs, latest first. */
        get: operations["listBillingRuns"];
        put?: never;
        /**
         * Bill a month now, or preview what billing it would issue.
         * @description For `period` (a month in the billing time zone, already over), every contract with accepted operations not yet invoiced and dated in the period or before it gets one invoice (or a credit note when its total with tax is zero or less), unless it already has one for this period: its operations then wait for the next period's invoice. The scheduler does the same every month (BILLING_RUN_CRON) for the month just ended.
         *
         *     Safe to repeat and to run concurrently: an operation is invoiced at most once, a contract gets at most one invoice per period, and invoice numbers stay sequential per year without gaps. A run that stopped half-way (crash, shutdown) is completed by the next run of its period, which bills only the contracts left.
         *
         *     The run goes on in the background: the answer is 202 with the run (status RUNNING); follow it at its Location. With `dryRun: true` nothing is written: the answer (200) lists, per contract, what would be invoiced now; the current month may be previewed.
         */
        post: operations["startBillingRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing-runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One billing run, its progress and outcome. */
        get: operations["getBillingRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contract-balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contracts' balances, closest to their limit first.
         * @description Every contract billing knows (within the caller's customer scope) with its outstanding, limit and what is still available, ordered by outstanding / limit, highest first (a contract with a zero limit comes last), then by contractRef. What the back office shows as the contracts closest to their limit. Without the operation counts of `/contracts/{contractRef}/balance`.
         */
        get: operations["listContractBalances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
    "/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices and credit notes, latest number first, without their lines. */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoiceRef}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One invoice with its lines, VAT breakdown and operations. */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoiceRef}/cii": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice as an EN 16931 e-invoice in UN/CEFACT CII (the Factur-X `factur-x.xml`).
         * @description The invoice's EN 16931 data in the UN/CEFACT Cross Industry Invoice syntax (D22B), guideline `urn:cen.eu:en16931:2017`: the XML the Factur-X profile EN 16931 embeds in the invoice PDF as `factur-x.xml`. An invoice of type CREDIT_NOTE (total with tax zero or less) is written as a credit note, type code 381, its amounts with the sign turned (what is credited is positive). The seller is the service's INVOICE_SELLER_* configuration. Amounts come from the invoice's integer minor units, written with the currency's decimals.
         */
        get: operations["getInvoiceCii"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoiceRef}/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Invoice number.
                 * @example BIL-2026-000042
                 */
                invoiceRef: components["parameters"]["PathInvoiceRef"];
            };
            cookie?: never;
        };
        /** The credit notes of an invoice, oldest first, and what remains creditable. */
        get: operations["listCreditNotes"];
        put?: never;
        /**
         * Issue a credit note against an invoice (full or partial).
         * @description A credit note is a document of its own, referencing the invoice, numbered in the credit-note series AV-<year>-<number> (sequential per calendar year of its issue date, without gaps; docs/adr/0020). Without `amount` it credits all that remains creditable on the invoice; with it, that amount with tax, in the invoice's currency, spread over the invoice's VAT rates in proportion. It lowers the contract's outstanding by its total with tax and is published on billing.credit-note-issued.v1, in one transaction; nothing is ever debited for it. A `reason` is required and kept on the credit note with who issued it. With an `Idempotency-Key` (per client), the same request again answers the credit note it issued (200) and issues nothing; the same key with another request is refused (409 IDEMPOTENCY_KEY_REUSED). Refused with 409 INVOICE_NOT_CREDITABLE for a credit note, and 422 CREDIT_EXCEEDS_INVOICE above what remains creditable (the invoice's total with tax less its credit notes so far). Billing runs issue credit notes too, for refunds of purchases the invoice billed (issuedBy system:billing-run, docs/adr/0026); they count in what remains creditable. The credit of every credit note is deducted from the contract's next invoices (prepaidAmount, amountDue).
         */
        post: operations["issueCreditNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoiceRef}/credit-notes/{creditNoteRef}/cii": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A credit note of the invoice as an EN 16931 e-invoice in UN/CEFACT CII.
         * @description The credit note (type code 381) in the same syntax as `/invoices/{invoiceRef}/cii`, naming the invoice it corrects (BT-25, with its issue date as BT-26) and carrying the operator's reason as a note; its parties are the corrected invoice's. Credited amounts are positive.
         */
        get: operations["getCreditNoteCii"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoiceRef}/credit-notes/{creditNoteRef}/ubl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A credit note of the invoice as an EN 16931 e-invoice in UBL 2.1.
         * @description The same credit note as `/invoices/{invoiceRef}/credit-notes/{creditNoteRef}/cii`, as a UBL 2.1 `CreditNote` document (CreditNoteTypeCode 381) naming the invoice it corrects in its billing reference (BT-25, BT-26).
         */
        get: operations["getCreditNoteUbl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invoices/{invoiceRef}/ubl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice as an EN 16931 e-invoice in UBL 2.1.
         * @description The same EN 16931 data as `/invoices/{invoiceRef}/cii`, in the OASIS UBL 2.1 `Invoice` syntax (customization `urn:cen.eu:en16931:2017`). Only for invoices: UBL writes a credit note as a document of its own (`CreditNote`), which is not offered, so an invoice of type CREDIT_NOTE answers 409 E_INVOICE_SYNTAX_UNAVAILABLE (its CII is available).
         */
        get: operations["getInvoiceUbl"];
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
         *     Amounts are decimal numbers with at most the currency's minor digits. Each product line must satisfy amountWithoutTax = quantity × unitPrice, amountTax = amountWithoutTax × vatRate within one minor unit (the sales system may round per line or per unit), and amountWithTax = amountWithoutTax + amountTax; the order totals must be the sums of the lines.
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
        /** @description One recorded state change. */
        AuditEvent: {
            /** @description What was done, e.g. `SUBMIT_PURCHASE`, `SUBMIT_REFUND`, `START_BILLING_RUN`. */
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
            /** @example operation */
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
        BillingRun: {
            /** @description Contracts this run issued an invoice or a credit note to, each counted once. */
            contractsBilled: number;
            /** @description Contracts with operations to invoice that the run examined (known once it finished). */
            contractsConsidered: number;
            /** @description Its invoices of type CREDIT_NOTE (refunds outweighing purchases) and the credit notes (AV-) it issued for refunds of purchases billed in an earlier month. */
            creditNotesIssued: number;
            /** @description finishedAt − startedAt; null while RUNNING. */
            durationMs: number | null;
            errors: components["schemas"]["BillingRunError"][];
            /** Format: date-time */
            finishedAt: string | null;
            invoicesIssued: number;
            period: components["schemas"]["Period"];
            /** @description Subject of the token that started it, or "scheduler". */
            requestedBy: string;
            /** Format: uuid */
            runId: string;
            /** Format: date-time */
            startedAt: string;
            status: components["schemas"]["BillingRunStatus"];
            /** @description What this run's invoices add up to, per currency (those of type CREDIT_NOTE negative); the credit notes of earlier months' refunds are not in them (their credit is deducted from invoices' amounts due). */
            totals: components["schemas"]["CurrencyTotals"][];
            /**
             * @description SCHEDULE (BILLING_RUN_CRON, the catch-up at start-up, or the start-up run of the period of a run whose process died, requestedBy "start-up recovery") or API.
             * @enum {string}
             */
            trigger: "SCHEDULE" | "API";
        };
        BillingRunError: {
            /** @description The contract that could not be billed; null for the run as a whole. */
            contractRef: string | null;
            message: string;
        };
        BillingRunPreview: {
            contracts: components["schemas"]["ContractInvoicePreview"][];
            /** @enum {boolean} */
            dryRun: true;
            errors: components["schemas"]["BillingRunError"][];
            period: components["schemas"]["Period"];
            totals: components["schemas"]["CurrencyTotals"][];
        };
        BillingRunRequest: {
            /**
             * @description Preview only; nothing is issued or written.
             * @default false
             */
            dryRun: boolean;
            period: components["schemas"]["Period"];
        };
        BillingRunsResponse: {
            billingRuns: components["schemas"]["BillingRun"][];
            metadata: components["schemas"]["QueryMetadataResponse"];
        };
        /**
         * @description RUNNING while contracts are billed; COMPLETED when every contract was examined without error; FAILED when some contract could not be billed (see errors) or the run stopped half-way (crash, shutdown). Run the period again to bill what is left.
         * @enum {string}
         */
        BillingRunStatus: "RUNNING" | "COMPLETED" | "FAILED";
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
        /** @description Contracts' balances, closest to their limit first. */
        ContractBalancesResponse: {
            balances: components["schemas"]["ContractBalanceSummary"][];
            metadata: components["schemas"]["QueryMetadataResponse"];
        };
        /** @description A contract's balance without its operation counts; available = limit - outstanding. */
        ContractBalanceSummary: {
            available: components["schemas"]["SignedAmount"];
            contractRef: components["schemas"]["ContractRef"];
            contractStatus: components["schemas"]["ContractStatus"];
            currencyCode: components["schemas"]["CurrencyCode"];
            limit: components["schemas"]["Amount"];
            outstanding: components["schemas"]["SignedAmount"];
        };
        /** @description What a run would invoice a contract now (no number is taken). */
        ContractInvoicePreview: {
            contractRef: components["schemas"]["ContractRef"];
            currencyCode: components["schemas"]["CurrencyCode"];
            invoiceType: components["schemas"]["InvoiceType"];
            lineCount: number;
            operationCount: number;
            totalTax: components["schemas"]["SignedAmount"];
            totalWithoutTax: components["schemas"]["SignedAmount"];
            totalWithTax: components["schemas"]["SignedAmount"];
            vatBreakdown: components["schemas"]["VatSubtotal"][];
        };
        /** @example CTR-2026-000123 */
        ContractRef: string;
        /** @enum {string} */
        ContractStatus: "CREATED" | "ACTIVE" | "SUSPENDED" | "TERMINATED" | "EXPIRED";
        /** @description A credit note (EN 16931 type 381) against an invoice, the preceding invoice it names (BT-25 invoiceRef, BT-26 invoiceIssueDate); its amounts are what is credited (positive). Issued by an operator (POST /invoices/{invoiceRef}/credit-notes), or by the billing run for refunds of purchases that an earlier invoice billed: one credit note per earlier invoice and contract in a run, its lines the refunds' product lines, issuedBy "system:billing-run". The credit is deducted from the contract's next invoices (their prepaidAmount). */
        CreditNote: {
            contractRef: string;
            /** @example AV-2026-000001 */
            creditNoteRef: string;
            currency: components["schemas"]["CurrencyCode"];
            /**
             * Format: date
             * @description Issue date of that invoice (BT-26).
             */
            invoiceIssueDate: string;
            /**
             * @description The invoice it corrects (BT-25).
             * @example BIL-2026-000042
             */
            invoiceRef: string;
            /** Format: date-time */
            issuedAt: string;
            /** Format: date */
            issueDate: string;
            /** @description Token subject of the operator who issued it. */
            issuedBy: string;
            /** @description The language of the invoice it credits. */
            language: components["schemas"]["Language"];
            lines: components["schemas"]["CreditNoteLine"][];
            reason: string;
            totalTax: components["schemas"]["Amount"];
            totalWithoutTax: components["schemas"]["Amount"];
            totalWithTax: components["schemas"]["Amount"];
            vatBreakdown: components["schemas"]["VatSubtotal"][];
        };
        CreditNoteLine: {
            /** @description Negative only for a rate the invoice itself billed negative (refunds outweighing purchases). */
            amountWithoutTax: components["schemas"]["SignedAmount"];
            amountWithTax: components["schemas"]["SignedAmount"];
            description: string;
            lineNumber: number;
            tax: components["schemas"]["SignedAmount"];
            /**
             * @description VAT category code (UNTDID 5305) of the credited amount, as on the invoice.
             * @enum {string}
             */
            vatCategoryCode: "S" | "Z" | "E" | "O";
            vatExemptionReason: string | null;
            vatExemptionReasonCode: string | null;
            /** @description VAT rate in percent. */
            vatRate: number;
        };
        CreditNoteRequest: {
            /** @description Amount with tax to credit, in the invoice's currency, with at most its minor digits; all that remains creditable when absent. */
            amount?: number;
            /**
             * @description Why the invoice is credited; required, kept on the credit note.
             * @example Hotel night billed twice.
             */
            reason: string;
        };
        CreditNotesResponse: {
            /** @description The invoice's total with tax less its credit notes so far. */
            creditableRemaining: components["schemas"]["Amount"];
            creditNotes: components["schemas"]["CreditNote"][];
            currency: components["schemas"]["CurrencyCode"];
            invoiceRef: string;
        };
        /**
         * @description ISO 4217 code.
         * @example EUR
         */
        CurrencyCode: string;
        CurrencyTotals: {
            currencyCode: components["schemas"]["CurrencyCode"];
            totalTax: components["schemas"]["SignedAmount"];
            totalWithoutTax: components["schemas"]["SignedAmount"];
            totalWithTax: components["schemas"]["SignedAmount"];
        };
        /** @description The SEPA mandate the invoice is debited on, as the contract had it when the invoice was issued; null when it had no signed, unrevoked mandate (nothing can be debited). */
        DebitMandate: {
            bic: string | null;
            iban: string;
            mandateRef: string;
        } | null;
        /** @enum {string} */
        DecisionStatus: "ACCEPTED" | "REJECTED";
        /**
         * @description Whether the invoice was e-mailed to the billing contact (mailer.invoice-delivery.v1), independent of its payment: PENDING, then SENT (final) or FAILED.
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
        /** @description An invoice with everything printed on it: the summary's fields plus its lines, VAT breakdown, customer, billing contact and address, mandate and operations. Totals are the sums of the lines, to the cent; the VAT breakdown has one entry per VAT category and rate (and exemption reason), and its bases and taxes add up to the totals. A refund of a purchase billed on an earlier invoice is not a line: the billing run issues a credit note for it (GET /invoices/{invoiceRef}/credit-notes of the earlier invoice), and the credit is deducted from this or a later invoice (prepaidAmount, amountDue). `operations` are the invoiced operations, as GET /operations?invoiceRef= lists them (the reference's Invoice). */
        Invoice: {
            /** @description totalWithTax − prepaidAmount (EN 16931 BT-115): what is debited, and what settles the invoice when paid. */
            amountDue: components["schemas"]["SignedAmount"];
            billingAddress: components["schemas"]["InvoiceAddress"];
            billingContact: components["schemas"]["InvoiceContact"];
            /**
             * Format: date
             * @description Date the direct debit is collected, as the invoice e-mail (the SEPA pre-notification) and the PDF state it: dueDate moved to the next TARGET2 business day (not a Saturday, Sunday, 1 January, Good Friday, Easter Monday, 1 May, 25 or 26 December), and never earlier than issueDate + SEPA_PRENOTIFICATION_DAYS.
             */
            collectionDate: string;
            contractId: string;
            contractRef: components["schemas"]["ContractRef"];
            currencyCode: components["schemas"]["CurrencyCode"];
            customer: components["schemas"]["InvoiceCustomer"];
            /** @description False for a credit note (total with tax zero or less) or when nothing is left due after the credit deducted (amountDue zero); nothing is debited. */
            debitRequired: boolean;
            deliveryStatus: components["schemas"]["DeliveryStatus"];
            /**
             * Format: date
             * @description issueDate + BILLING_PAYMENT_TERM_DAYS; the direct debit is due then.
             */
            dueDate: string;
            /** Format: uuid */
            invoiceId: string;
            /**
             * @description Invoice number, BIL-<year of issue>-<number>, sequential per year without gaps.
             * @example BIL-2026-000042
             */
            invoiceRef: string;
            invoiceType: components["schemas"]["InvoiceType"];
            /** Format: date-time */
            issuedAt: string;
            /** Format: date */
            issueDate: string;
            language: components["schemas"]["Language"];
            lines: components["schemas"]["InvoiceLine"][];
            mandate: components["schemas"]["DebitMandate"];
            operations: components["schemas"]["OperationResponse"][];
            /**
             * Format: date-time
             * @description When the direct debit settled; null unless PAID.
             */
            paidAt: string | null;
            paymentFailure: components["schemas"]["PaymentFailure"];
            /** @description The payment service's reference of the debit, once it reported. */
            paymentRef: string | null;
            period: components["schemas"]["Period"];
            /** @description Credit deducted from this invoice (EN 16931 BT-113): what the contract's credit notes (refunds of purchases invoiced earlier, operators' credits) have credited and no earlier invoice has deducted yet, up to the total with tax; 0 when there is none. */
            prepaidAmount: components["schemas"]["Amount"];
            /**
             * Format: uuid
             * @description The billing run that issued it.
             */
            runId: string;
            /**
             * Format: date-time
             * @description When the invoice e-mail was sent; null until SENT.
             */
            sentAt: string | null;
            status: components["schemas"]["InvoiceStatus"];
            totalTax: components["schemas"]["SignedAmount"];
            totalWithoutTax: components["schemas"]["SignedAmount"];
            totalWithTax: components["schemas"]["SignedAmount"];
            vatBreakdown: components["schemas"]["VatSubtotal"][];
        };
        /** @description Billing address in six lines (AFNOR NF Z 10-011), as on the contract. */
        InvoiceAddress: {
            countryCode: string;
            line1: string;
            line2: string;
            line3: string;
            line4: string;
            line5: string;
            line6: string;
        };
        InvoiceContact: {
            firstName: string;
            lastName: string;
            mail: string;
            phone: string | null;
        };
        InvoiceCustomer: {
            customerRef: string | null;
            siren: string | null;
            subscriberRef: string;
            vatNumber: string | null;
        };
        /** @description One product line of an operation; refund lines are negative (the quantity stays positive); only refunds of purchases on the same invoice are lines. */
        InvoiceLine: {
            amountWithoutTax: components["schemas"]["SignedAmount"];
            amountWithTax: components["schemas"]["SignedAmount"];
            bookingRef: string | null;
            costCentre: string | null;
            description: string;
            lineNumber: number;
            /** Format: date */
            operationDate: string;
            /** Format: uuid */
            operationId: string;
            operationType: components["schemas"]["OperationType"];
            orderRef: string;
            quantity: number;
            tax: components["schemas"]["SignedAmount"];
            traveller: string | null;
            unitPriceWithoutTax: components["schemas"]["SignedAmount"];
            /**
             * @description VAT category code of EN 16931 (UNTDID 5305): S standard or reduced rate, Z zero rated, E exempt (also the travel agents' margin scheme), O outside the scope of VAT.
             * @enum {string}
             */
            vatCategoryCode: "S" | "Z" | "E" | "O";
            /** @description The mention printed for it (BT-120): "Régime particulier – Agences de voyages" for the margin scheme, the sales system's text for an exempt line; null for S and Z. */
            vatExemptionReason: string | null;
            /** @description VATEX code of the exemption (BT-121): VATEX-EU-D for the travel agents' margin scheme, VATEX-EU-O outside the scope of VAT, the code the sales system gave for an exempt line; null otherwise. */
            vatExemptionReasonCode: string | null;
            /** @description VAT rate in percent (5.5 for 5.5 %). */
            vatRate: number;
        };
        InvoicesResponse: {
            invoices: components["schemas"]["InvoiceSummary"][];
            metadata: components["schemas"]["QueryMetadataResponse"];
        };
        /**
         * @description Payment status: ISSUED once billed (a credit note stays ISSUED: nothing is collected on it), then PAID or UNPAID as the payment service reports the direct debit (payment.result.v1). An UNPAID invoice becomes PAID if a later debit succeeds.
         * @enum {string}
         */
        InvoiceStatus: "ISSUED" | "PAID" | "UNPAID";
        InvoiceSummary: {
            /** @description totalWithTax − prepaidAmount (EN 16931 BT-115): what is debited, and what settles the invoice when paid. */
            amountDue: components["schemas"]["SignedAmount"];
            /**
             * Format: date
             * @description Date the direct debit is collected, as the invoice e-mail (the SEPA pre-notification) and the PDF state it: dueDate moved to the next TARGET2 business day (not a Saturday, Sunday, 1 January, Good Friday, Easter Monday, 1 May, 25 or 26 December), and never earlier than issueDate + SEPA_PRENOTIFICATION_DAYS.
             */
            collectionDate: string;
            contractId: string;
            contractRef: components["schemas"]["ContractRef"];
            currencyCode: components["schemas"]["CurrencyCode"];
            /** @description False for a credit note (total with tax zero or less) or when nothing is left due after the credit deducted (amountDue zero); nothing is debited. */
            debitRequired: boolean;
            deliveryStatus: components["schemas"]["DeliveryStatus"];
            /**
             * Format: date
             * @description issueDate + BILLING_PAYMENT_TERM_DAYS; the direct debit is due then.
             */
            dueDate: string;
            /** Format: uuid */
            invoiceId: string;
            /**
             * @description Invoice number, BIL-<year of issue>-<number>, sequential per year without gaps.
             * @example BIL-2026-000042
             */
            invoiceRef: string;
            invoiceType: components["schemas"]["InvoiceType"];
            /** Format: date-time */
            issuedAt: string;
            /** Format: date */
            issueDate: string;
            language: components["schemas"]["Language"];
            /**
             * Format: date-time
             * @description When the direct debit settled; null unless PAID.
             */
            paidAt: string | null;
            paymentFailure: components["schemas"]["PaymentFailure"];
            /** @description The payment service's reference of the debit, once it reported. */
            paymentRef: string | null;
            period: components["schemas"]["Period"];
            /** @description Credit deducted from this invoice (EN 16931 BT-113): what the contract's credit notes (refunds of purchases invoiced earlier, operators' credits) have credited and no earlier invoice has deducted yet, up to the total with tax; 0 when there is none. */
            prepaidAmount: components["schemas"]["Amount"];
            /**
             * Format: uuid
             * @description The billing run that issued it.
             */
            runId: string;
            /**
             * Format: date-time
             * @description When the invoice e-mail was sent; null until SENT.
             */
            sentAt: string | null;
            status: components["schemas"]["InvoiceStatus"];
            totalTax: components["schemas"]["SignedAmount"];
            totalWithoutTax: components["schemas"]["SignedAmount"];
            totalWithTax: components["schemas"]["SignedAmount"];
        };
        /**
         * @description CREDIT_NOTE when the total with tax is zero or less (nothing is debited).
         * @enum {string}
         */
        InvoiceType: "INVOICE" | "CREDIT_NOTE";
        /**
         * @description Language the document and its e-mail are written in (ISO 639-1), the contract's when it was issued: `fr` (French, the default) or `en` (English).
         * @enum {string}
         */
        Language: "fr" | "en";
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
            /**
             * @description Present only on a refund of a purchase billed on an earlier invoice, once the billing run has credited it: the credit note it issued for it (AV-<year>-<number>).
             * @example AV-2026-000007
             */
            creditNoteRef?: string;
            currencyCode: components["schemas"]["CurrencyCode"];
            customerRef?: string;
            /** Format: date-time */
            decidedAt: string;
            /** @description Invoice the operation was billed on; null until a billing run includes it, and for good on a refund of a purchase billed on an earlier invoice (see creditNoteRef). */
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
        /** @description Why the last direct debit failed (SEPA reason); kept once the invoice is paid. */
        PaymentFailure: {
            message: string | null;
            /** @example INSUFFICIENT_FUNDS */
            reasonCode: string;
        } | null;
        /**
         * @description A calendar month in the billing time zone (BILLING_TIME_ZONE), YYYY-MM.
         * @example 2026-10
         */
        Period: string;
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
            vatCategory?: components["schemas"]["VatCategory"];
            /** @description EXEMPT only, and then required: the legal mention printed on the invoice (EN 16931 BT-120), the provision that exempts the line, e.g. "Exonération de TVA, article 262 II 8° du CGI (transport aérien international de voyageurs)"; refused (400 VAT_CATEGORY_INVALID) with any other category. */
            vatExemptionReason?: string;
            /**
             * @description EXEMPT only: the VAT exemption reason code of the CEF VATEX list (EN 16931 BT-121), e.g. VATEX-EU-132-1B, when one names the exemption; refused (400 VAT_CATEGORY_INVALID) with any other category.
             * @example VATEX-EU-132-1B
             */
            vatExemptionReasonCode?: string;
            /** @description VAT rate in percent with at most two decimals (5.5 for 5.5 %, 20 for 20 %); kept exactly, in hundredths of a percent. */
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
        RejectionCode: "CONTRACT_UNKNOWN" | "CONTRACT_NOT_ACTIVE" | "OUTSIDE_CONTRACT_VALIDITY" | "OPERATION_DATE_IN_FUTURE" | "MANDATE_INVALID" | "OUTSTANDING_LIMIT_EXCEEDED" | "CURRENCY_MISMATCH" | "PURCHASE_NOT_FOUND" | "REFUND_EXCEEDS_PURCHASE";
        /** @description Decimal amount, negative when the customer is in credit. */
        SignedAmount: number;
        /** @description Kept for the invoice line, so the customer can allocate the cost. */
        TravelDetails: {
            /** @description Booking or PNR reference. */
            bookingRef?: string;
            costCentre?: string;
            travellerName?: string;
        };
        /**
         * @description How the line is taxed, mapped to the VAT category codes of EN 16931 (UNTDID 5305) that the invoice carries (`vatCategoryCode`): STANDARD (S) a standard or reduced rate, vatRate above 0; ZERO_RATED (Z) taxed at 0 %; EXEMPT (E) exempt, with its `vatExemptionReason` (and `vatExemptionReasonCode` when a VATEX code names it), e.g. international passenger transport; OUTSIDE_SCOPE (O) not subject to VAT (reason code VATEX-EU-O); TRAVEL_AGENT_MARGIN (E) the travel agents' margin scheme (régime particulier des agences de voyages, CGI art. 266-1-e and 268, directive 2006/112/EC art. 306 to 310): no VAT is shown, the price is the amount with tax, the invoice prints the mention "Régime particulier – Agences de voyages" (reason code VATEX-EU-D). Every category but STANDARD requires vatRate 0 and amountTax 0 (otherwise 400 VAT_CATEGORY_INVALID). Absent: STANDARD, or ZERO_RATED for a line at 0 % (what such a line of a client that does not send categories means).
         * @example STANDARD
         * @enum {string}
         */
        VatCategory: "STANDARD" | "ZERO_RATED" | "EXEMPT" | "OUTSIDE_SCOPE" | "TRAVEL_AGENT_MARGIN";
        /** @description One entry of the VAT breakdown: the lines of one VAT category and rate (and, for exempt lines, one exemption reason), their base and tax. */
        VatSubtotal: {
            base: components["schemas"]["SignedAmount"];
            tax: components["schemas"]["SignedAmount"];
            /**
             * @description VAT category code of EN 16931 (UNTDID 5305): S standard or reduced rate, Z zero rated, E exempt (also the travel agents' margin scheme), O outside the scope of VAT.
             * @enum {string}
             */
            vatCategoryCode: "S" | "Z" | "E" | "O";
            /** @description The mention printed for it (BT-120): "Régime particulier – Agences de voyages" for the margin scheme, the sales system's text for an exempt line; null for S and Z. */
            vatExemptionReason: string | null;
            /** @description VATEX code of the exemption (BT-121): VATEX-EU-D for the travel agents' margin scheme, VATEX-EU-O outside the scope of VAT, the code the sales system gave for an exempt line; null otherwise. */
            vatExemptionReasonCode: string | null;
            /** @description VAT rate in percent (5.5 for 5.5 %). */
            vatRate: number;
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
        /** @description Client-chosen key of this submission (e.g. a UUID), scoped to the client (the token's subject): another client's identical key is a submission of its own. Sent again by the same client with the same body, the first answer is returned; with another body, 409 IDEMPOTENCY_KEY_REUSED. */
        IdempotencyKey: string;
        /** @description 1-based page number. */
        Page: number;
        PageSize: number;
        /**
         * @description Invoice number.
         * @example BIL-2026-000042
         */
        PathInvoiceRef: string;
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
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Identifier of the entity (best combined with entityType). */
                entityId?: string;
                /** @description Kind of entity, e.g. `operation`, `billing-run`. */
                entityType?: string;
                /** @description Earliest occurredAt (inclusive). */
                from?: string;
                /** @description 1-based page number. */
                page?: components["parameters"]["Page"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
        };
    };
    listBillingRuns: {
        parameters: {
            query?: {
                /** @description 1-based page number. */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
                period?: components["schemas"]["Period"];
                status?: components["schemas"]["BillingRunStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of runs and the query metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingRunsResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
        };
    };
    startBillingRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BillingRunRequest"];
            };
        };
        responses: {
            /** @description dryRun — what a run would issue now; nothing was written. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingRunPreview"];
                };
            };
            /** @description The run started; it is RUNNING. */
            202: {
                headers: {
                    /** @description /v1/billing-runs/{runId} */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingRun"];
                };
            };
            /** @description VALIDATION_FAILED (period not YYYY-MM), MALFORMED_JSON, PERIOD_NOT_ENDED (the month is not over yet in the billing time zone; a dry run may preview the current month, not a later one). */
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
            415: components["responses"]["Error"];
        };
    };
    getBillingRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingRun"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description BILLING_RUN_NOT_FOUND. */
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
    listContractBalances: {
        parameters: {
            query?: {
                contractStatus?: components["schemas"]["ContractStatus"];
                /** @description 1-based page number. */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of balances and the query metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractBalancesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
        };
    };
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
    listInvoices: {
        parameters: {
            query?: {
                contractRef?: components["schemas"]["ContractRef"];
                deliveryStatus?: components["schemas"]["DeliveryStatus"];
                invoiceType?: components["schemas"]["InvoiceType"];
                /** @description 1-based page number. */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
                period?: components["schemas"]["Period"];
                status?: components["schemas"]["InvoiceStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of invoices and the query metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoicesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Invoice number.
                 * @example BIL-2026-000042
                 */
                invoiceRef: components["parameters"]["PathInvoiceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description INVOICE_NOT_FOUND. */
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
    getInvoiceCii: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Invoice number.
                 * @example BIL-2026-000042
                 */
                invoiceRef: components["parameters"]["PathInvoiceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CII document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description INVOICE_NOT_FOUND. */
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
    listCreditNotes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Invoice number.
                 * @example BIL-2026-000042
                 */
                invoiceRef: components["parameters"]["PathInvoiceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice's credit notes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNotesResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description INVOICE_NOT_FOUND. */
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
    issueCreditNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen key of this submission (e.g. a UUID), scoped to the client (the token's subject): another client's identical key is a submission of its own. Sent again by the same client with the same body, the first answer is returned; with another body, 409 IDEMPOTENCY_KEY_REUSED. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Invoice number.
                 * @example BIL-2026-000042
                 */
                invoiceRef: components["parameters"]["PathInvoiceRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditNoteRequest"];
            };
        };
        responses: {
            /** @description Replay of an earlier request with the same Idempotency-Key; the credit note it issued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNote"];
                };
            };
            /** @description The credit note, issued. */
            201: {
                headers: {
                    /** @description URL of the invoice's credit notes. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNote"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description INVOICE_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVOICE_NOT_CREDITABLE or IDEMPOTENCY_KEY_REUSED; nothing was issued. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description CREDIT_EXCEEDS_INVOICE; nothing was issued. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getCreditNoteCii: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Credit note number, AV-<year>-<number>.
                 * @example AV-2026-000001
                 */
                creditNoteRef: string;
                /**
                 * @description Invoice number.
                 * @example BIL-2026-000042
                 */
                invoiceRef: components["parameters"]["PathInvoiceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CII document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description INVOICE_NOT_FOUND, or CREDIT_NOTE_NOT_FOUND (no such credit note of this invoice). */
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
    getCreditNoteUbl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Credit note number, AV-<year>-<number>.
                 * @example AV-2026-000001
                 */
                creditNoteRef: string;
                /**
                 * @description Invoice number.
                 * @example BIL-2026-000042
                 */
                invoiceRef: components["parameters"]["PathInvoiceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The UBL document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description INVOICE_NOT_FOUND, or CREDIT_NOTE_NOT_FOUND (no such credit note of this invoice). */
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
    getInvoiceUbl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Invoice number.
                 * @example BIL-2026-000042
                 */
                invoiceRef: components["parameters"]["PathInvoiceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The UBL document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description INVOICE_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description E_INVOICE_SYNTAX_UNAVAILABLE (a CREDIT_NOTE in UBL). */
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
                /** @description Client-chosen key of this submission (e.g. a UUID), scoped to the client (the token's subject): another client's identical key is a submission of its own. Sent again by the same client with the same body, the first answer is returned; with another body, 409 IDEMPOTENCY_KEY_REUSED. */
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
            /** @description Invalid request: VALIDATION_FAILED, MALFORMED_JSON, UNKNOWN_CURRENCY, INVALID_AMOUNT (more decimals than the currency has), INVALID_VAT_RATE (more than two decimals of percent), TOTALS_MISMATCH (the message names the first line or total that does not add up), AMOUNT_NOT_POSITIVE, VAT_CATEGORY_INVALID (a line's vatCategory does not fit its rate, tax or exemption reason: a category other than STANDARD with a VAT rate or tax above 0, STANDARD at 0 %, EXEMPT without vatExemptionReason, an exemption reason on another category; the message names the line). Nothing is stored. */
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
            /** @description CONTRACT_UNKNOWN for a token restricted to some customers (its `customers` claim) when the contract is not one of theirs, or billing knows no such contract: the operation is not recorded and no event is published. An unrestricted token gets the 422 REJECTED decision instead. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
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
            /** @description REJECTED, and stored as such. errorCode is one of CONTRACT_UNKNOWN, CONTRACT_NOT_ACTIVE, OUTSIDE_CONTRACT_VALIDITY, OPERATION_DATE_IN_FUTURE, MANDATE_INVALID, OUTSTANDING_LIMIT_EXCEEDED, CURRENCY_MISMATCH, PURCHASE_NOT_FOUND, REFUND_EXCEEDS_PURCHASE. OPERATION_DATE_IN_FUTURE: operationAt is later than today in billing's time zone plus BILLING_OPERATION_MAX_DAYS_AHEAD days (1 by default), for a purchase or a refund. */
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
