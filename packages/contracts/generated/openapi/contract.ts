// Generated from specs/openapi/contract.yaml by `npm run generate`. Do not edit: change the spec and regenerate.
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
    "/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search contracts
         * @description Contracts matching every given filter, ordered by contractRef (a stable order, so pages do not overlap), one page at a time.
         */
        get: operations["getContracts"];
        put?: never;
        /**
         * Add a contract
         * @description Creates a contract. The server assigns `contractId` (UUID) and `contractRef` (CTR-<year>-<number>). The `status` of the request, if any, is ignored: a new contract is always CREATED and becomes ACTIVE only through `activate`. Dates must be coherent (createdAt ≤ activatedAt ≤ expireAt, signedAt ≤ activatedAt, expireAt not already past), the mandate's IBAN must be valid (see MandateRequest) and its reference (RUM) not another contract's (409 MANDATE_REF_IN_USE), the outstanding limit must be positive with no more decimals than its currency has. With an `Idempotency-Key`, repeating the same request returns the contract created the first time (200) instead of creating another one; the same key with a different body is refused (409 IDEMPOTENCY_KEY_REUSED).
         */
        post: operations["postContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contractRef}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        /** Read a contract */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contractRef}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a contract (CREATED → ACTIVE)
         * @description Refused with MANDATE_NOT_ACTIVE unless the mandate is ACTIVE (signed, not revoked): a contract never starts without a way to collect what it bills. Refused with CONTRACT_VALIDITY_ENDED once expireAt has passed. Publishes ACTIVATED.
         */
        post: operations["activateContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contractRef}/language": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Change the language of the invoices and e-mails
         * @description Sets the language (`fr` or `en`) the customer's invoices, credit notes and e-mails are written in from the next one issued; documents already issued keep theirs. Allowed in every status but TERMINATED and EXPIRED. Publishes LANGUAGE_CHANGED, also when the language is already the one asked (the change is recorded and a new version published).
         */
        put: operations["changeLanguage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contractRef}/mandate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the direct-debit mandate
         * @description The new mandate replaces the current one, whatever its status (also a revoked one). Not allowed on a TERMINATED or EXPIRED contract. Publishes MANDATE_CHANGED.
         */
        put: operations["replaceMandate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contractRef}/mandate/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke the direct-debit mandate
         * @description The mandate becomes REVOKED as of today; billing then refuses purchases until a new mandate is set. Refused with MANDATE_ALREADY_REVOKED when it already is. Publishes MANDATE_REVOKED with the reason.
         */
        post: operations["revokeMandate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contractRef}/outstanding-limit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Change the outstanding limit
         * @description Sets a new limit in the contract's currency. A change of currency is refused (CURRENCY_CHANGE_REFUSED): billing holds the outstanding in the original currency and would otherwise compare amounts of different currencies; a contract in another currency is a new contract. A limit below what the customer owes now is accepted: billing then refuses purchases until the outstanding falls below it. Publishes LIMIT_CHANGED.
         */
        put: operations["changeOutstandingLimit"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contractRef}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a suspended contract (SUSPENDED → ACTIVE)
         * @description Refused with CONTRACT_VALIDITY_ENDED once expireAt has passed. The mandate is not required here (billing checks it on every purchase): a contract may be reactivated while its new mandate is awaited. Publishes REACTIVATED.
         */
        post: operations["reactivateContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contractRef}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a contract (ACTIVE → SUSPENDED)
         * @description Billing refuses purchases on a suspended contract (refunds still pass). Publishes SUSPENDED with the reason.
         */
        post: operations["suspendContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{contractRef}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terminate a contract (CREATED, ACTIVE or SUSPENDED → TERMINATED, final)
         * @description `effectiveDate` defaults to today; it may lie in the past (not before createdAt) but not in the future: the contract stops at once, a termination scheduled for later is not supported (INVALID_EFFECTIVE_DATE). Publishes TERMINATED with the reason.
         */
        post: operations["terminateContract"];
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
        /** @description A decimal amount with no more decimals than its currency has (2 for EUR). */
        Amount: {
            amount: components["schemas"]["DecimalAmount"];
            currency: components["schemas"]["CurrencyCode"];
        };
        /** @description One recorded state change. */
        AuditEvent: {
            /** @description What was done, e.g. `SUBSCRIBE`, `ACTIVATE`, `SUSPEND`, `REACTIVATE`, `TERMINATE`, `EXPIRE`, `REPLACE_MANDATE`, `REVOKE_MANDATE`, `CHANGE_LIMIT`. */
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
            /** @example contract */
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
        /**
         * @description BIC (ISO 9362), 8 or 11 characters; optional (within SEPA the IBAN identifies the bank). One given must have a known country code in its 5th and 6th characters (400 INVALID_BIC otherwise).
         * @example AGRIFRPP
         */
        Bic: string;
        Billing: {
            contact: components["schemas"]["BillingContact"];
            /** @description The most the customer may owe at any time (strictly positive). */
            outstandingLimit: components["schemas"]["Amount"];
        };
        /** @description Who receives the invoices. */
        BillingContact: {
            firstName: components["schemas"]["Text"];
            lastName: components["schemas"]["Text"];
            mail: components["schemas"]["Email"];
            phone?: components["schemas"]["Phone"];
        };
        /** @description A postal address in 6 lines ordered as defined in RNVP and the French standard AFNOR NF Z 10-011. Lines 1 and 6 are mandatory, the others may be left out. */
        BusinessAddress: {
            /**
             * @description ISO 3166-1 alpha-2 country code; FR when absent.
             * @example FR
             */
            countryCode?: string;
            /**
             * @description Particular: CIVILITÉ - TITRE ou QUALITÉ - PRÉNOM - NOM; professional: RAISON SOCIALE ou DÉNOMINATION.
             * @example ESGI SA
             */
            line1: string;
            /**
             * @description Particular: N°APP ou BAL - ÉTAGE - COULOIR - ESC; professional: IDENTITÉ DU DESTINATAIRE et ou SERVICE.
             * @example Service comptabilité
             */
            line2?: string;
            /** @description ENTRÉE - BÂTIMENT - IMMEUBLE - RÉS - ZI */
            line3?: string;
            /**
             * @description NUMÉRO - LIBELLÉ DE LA VOIE
             * @example 242 rue du Faubourg Saint-Antoine
             */
            line4?: string;
            /** @description LIEU DIT ou SERVICE PARTICULIER DE DISTRIBUTION */
            line5?: string;
            /**
             * @description CODE POSTAL et LOCALITÉ
             * @example 75012 PARIS
             */
            line6: string;
        };
        /** @description The distributor organisation and its contact. */
        BusinessDistributor: {
            contactAddress?: components["schemas"]["BusinessAddress"];
            contactPerson?: components["schemas"]["BusinessPerson"];
            /**
             * @description External reference of the distributor.
             * @example esgi SA
             */
            distributorRef: string;
            eInvoicing?: components["schemas"]["EInvoicing"];
        };
        /** @description The subscriber as known to the customer base. */
        BusinessParty: {
            /**
             * @description Internal identifier of the organisation.
             * @example PRO-8996786873
             */
            customerId?: string;
            /**
             * @description External identifier of the organisation (customer number).
             * @example CUSTOMER-NUMBER
             */
            customerRef?: string;
        };
        BusinessPerson: {
            /**
             * @description CCUID of the contact.
             * @example CCU-123
             */
            ccuid?: string;
            /**
             * @description Internal contact identifier (legal representative of the entity).
             * @example CCU-001524
             */
            contactId?: string;
            firstName?: components["schemas"]["Text"];
            /** @enum {string} */
            gender?: "M" | "MME";
            lastName: components["schemas"]["Text"];
            mail: components["schemas"]["Email"];
            phone?: components["schemas"]["Phone"];
        };
        /** @description The subscriber organisation and its contact. */
        BusinessSubscriber: {
            billingAddress: components["schemas"]["BusinessAddress"];
            contactAddress: components["schemas"]["BusinessAddress"];
            contactPerson: components["schemas"]["BusinessPerson"];
            eInvoicing?: components["schemas"]["EInvoicing"];
            party?: components["schemas"]["BusinessParty"];
            /**
             * @description External reference of the subscriber (for example: the company name).
             * @example Ma Petite Entreprise
             */
            subscriberRef: string;
            /** @enum {string} */
            subscriberType: "PARTICULAR" | "PROFESSIONNAL";
        };
        /** @description Why the change is made (optional); recorded in the audit trail and published on the lifecycle event. */
        ChangeReasonRequest: {
            reason?: components["schemas"]["Reason"];
        };
        /** @description A deferred-billing contract to create. */
        ContractRequest: {
            /** @description First day operations may be dated; not before createdAt. */
            activatedAt: components["schemas"]["IsoDate"];
            billing: components["schemas"]["Billing"];
            /** @enum {string} */
            contractType: "DEFERRED_BILLING";
            /** @description Creation date of the contract. */
            createdAt: components["schemas"]["IsoDate"];
            distributor: components["schemas"]["BusinessDistributor"];
            /** @description Last day operations may be dated; not before activatedAt nor already past. */
            expireAt: components["schemas"]["IsoDate"];
            /** @description Language of the invoices and e-mails; fr when absent. */
            language?: components["schemas"]["Language"];
            payment: components["schemas"]["PaymentRequest"];
            /** @description DEFERRED_BILLING when absent. */
            productRef?: components["schemas"]["ProductRef"];
            /** @description Date the contract was signed; not after activatedAt. */
            signedAt?: components["schemas"]["IsoDate"];
            /** @description Accepted for compatibility and ignored; a new contract is always CREATED. */
            status?: components["schemas"]["ContractStatus"];
            subscriber: components["schemas"]["BusinessSubscriber"];
        };
        /** @description A contract as it is now. */
        ContractResponse: {
            activatedAt: components["schemas"]["IsoDate"];
            billing: components["schemas"]["Billing"];
            /**
             * Format: uuid
             * @description Internal identifier of the contract.
             */
            contractId: string;
            /**
             * @description External identifier of the contract.
             * @example CTR-2026-000123
             */
            contractRef: string;
            /** @enum {string} */
            contractType: "DEFERRED_BILLING";
            createdAt: components["schemas"]["IsoDate"];
            distributor: components["schemas"]["BusinessDistributor"];
            expireAt: components["schemas"]["IsoDate"];
            language: components["schemas"]["Language"];
            payment: components["schemas"]["PaymentResponse"];
            productRef: components["schemas"]["ProductRef"];
            signedAt?: components["schemas"]["IsoDate"];
            status: components["schemas"]["ContractStatus"];
            /** @description Why the contract is SUSPENDED, TERMINATED or EXPIRED. */
            statusReason?: string;
            subscriber: components["schemas"]["BusinessSubscriber"];
            /** @description Date the termination took effect. */
            terminatedAt?: components["schemas"]["IsoDate"];
            /** @description Version of the contract, the `version` of the last event published about it (1 once created). */
            version: number;
        };
        /** @description One page of the contracts that meet the search criteria. */
        ContractsResponse: {
            contracts: components["schemas"]["ContractResponse"][];
            metadata: components["schemas"]["QueryMetadataResponse"];
        };
        /** @enum {string} */
        ContractStatus: "CREATED" | "ACTIVE" | "SUSPENDED" | "TERMINATED" | "EXPIRED";
        /**
         * @description ISO 4217 code.
         * @example EUR
         */
        CurrencyCode: string;
        /** @example 15000.5 */
        DecimalAmount: number;
        /** @description Necessary for e-invoicing and e-reporting. */
        EInvoicing: {
            /** @example FRANCE */
            country?: string;
            /** @example 784671695 */
            siren?: string;
            /**
             * @description Intra-community VAT number.
             * @example FR53157896342
             */
            vatNumber?: string;
        };
        /**
         * Format: email
         * @example john.doe@acme.com
         */
        Email: string;
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
        /**
         * @description IBAN without spaces, upper case, of a SEPA country. Checked with the IBAN registry (ibantools): the length of its country's IBANs (27 for FR), the structure of its account number (BBAN) and, where the country has one, its national check key (the French RIB key), then its ISO 13616 (mod 97) check digits. A failure is 400 INVALID_IBAN, with a message naming what is wrong.
         * @example FR7630006000011234567890189
         */
        Iban: string;
        /**
         * Format: date
         * @description ISO 8601 calendar date (YYYY-MM-DD).
         * @example 2026-04-22
         */
        IsoDate: string;
        /**
         * @description Language of the customer's invoices, credit notes and e-mails (ISO 639-1): `fr` (French, the default) or `en` (English). Amounts and dates are written as that language does (fr-FR: 2 452,40 € and 2 janvier 2027; en-GB: €2,452.40 and 2 January 2027).
         * @example fr
         * @enum {string}
         */
        Language: "fr" | "en";
        /** @description The new language and, optionally, why it changes. */
        LanguageRequest: {
            language: components["schemas"]["Language"];
            reason?: components["schemas"]["Reason"];
        };
        /**
         * @description Mandate reference (RUM), at most 35 characters, unique across the creditor's contracts: one already used by another contract is refused (409 MANDATE_REF_IN_USE). A contract may keep its own when its mandate is replaced.
         * @example RUM-2026-000042
         */
        MandateRef: string;
        /** @description A SEPA direct-debit mandate. */
        MandateRequest: {
            bic?: components["schemas"]["Bic"];
            iban: components["schemas"]["Iban"];
            mandateRef: components["schemas"]["MandateRef"];
            /** @description Date the debtor signed; required when ACTIVE, absent while PENDING_SIGNATURE, never in the future. */
            signedAt?: components["schemas"]["IsoDate"];
            status: components["schemas"]["NewMandateStatus"];
        };
        MandateResponse: {
            bic?: string;
            iban: string;
            /** @description Day of the last successful collection on this mandate (absent until the first). A mandate with no collection for 36 months since then (or since its signature) is revoked as expired. */
            lastCollectedOn?: components["schemas"]["IsoDate"];
            mandateRef: string;
            revocationReason?: string;
            revokedAt?: components["schemas"]["IsoDate"];
            signedAt?: components["schemas"]["IsoDate"];
            /** @enum {string} */
            status: "PENDING_SIGNATURE" | "ACTIVE" | "REVOKED";
        };
        /**
         * @description The status of a mandate as it is given; REVOKED only comes from `mandate/revoke`.
         * @enum {string}
         */
        NewMandateStatus: "PENDING_SIGNATURE" | "ACTIVE";
        /** @description The new limit (as Amount) and, optionally, why it changes. */
        OutstandingLimitRequest: {
            amount: components["schemas"]["DecimalAmount"];
            currency: components["schemas"]["CurrencyCode"];
            reason?: components["schemas"]["Reason"];
        };
        PaymentRequest: {
            mandate: components["schemas"]["MandateRequest"];
        };
        PaymentResponse: {
            mandate: components["schemas"]["MandateResponse"];
        };
        /** @example +33 (0)1 56 87 65 78 */
        Phone: string;
        /**
         * @description External reference of the product.
         * @enum {string}
         */
        ProductRef: "DEFERRED_BILLING";
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
        Reason: string;
        /** @description The new SEPA direct-debit mandate (as MandateRequest) and, optionally, why it replaces the current one. */
        ReplaceMandateRequest: {
            bic?: components["schemas"]["Bic"];
            iban: components["schemas"]["Iban"];
            mandateRef: components["schemas"]["MandateRef"];
            reason?: components["schemas"]["Reason"];
            /** @description Date the debtor signed; required when ACTIVE, absent while PENDING_SIGNATURE, never in the future. */
            signedAt?: components["schemas"]["IsoDate"];
            status: components["schemas"]["NewMandateStatus"];
        };
        RevokeMandateRequest: {
            reason: components["schemas"]["Reason"];
        };
        SuspendRequest: {
            reason: components["schemas"]["Reason"];
        };
        TerminateRequest: {
            /** @description Date the termination takes effect; today when absent; never in the future. */
            effectiveDate?: components["schemas"]["IsoDate"];
            reason: components["schemas"]["Reason"];
        };
        Text: string;
    };
    responses: {
        /** @description ERROR - invalid request: VALIDATION_FAILED (shape), INVALID_DATES, INVALID_IBAN (the message says what is wrong: length for its country, account number structure, national check key, check digits, outside SEPA), INVALID_BIC, INVALID_MANDATE, INVALID_AMOUNT, UNKNOWN_CURRENCY, INVALID_EFFECTIVE_DATE, MALFORMED_JSON. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description ERROR - refused in the contract's current state: ILLEGAL_TRANSITION (the message names the current status and the refused change), MANDATE_NOT_ACTIVE, MANDATE_ALREADY_REVOKED, CONTRACT_VALIDITY_ENDED, CURRENCY_CHANGE_REFUSED, IDEMPOTENCY_KEY_REUSED, MANDATE_REF_IN_USE (the mandate reference is already another contract's: a RUM identifies one mandate of the creditor). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description SUCCESS - the change is recorded and published; the contract as it is now. */
        Contract: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ContractResponse"];
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
        /** @description ERROR - no contract with this contractRef (CONTRACT_NOT_FOUND). */
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
        /** @description Client-chosen unique key of this creation (e.g. a UUID). Kept per client (token subject): resending the same request with it returns the contract created the first time; reusing it for a different request is refused. */
        IdempotencyKey: string;
        /** @description Page number, from 1. */
        Page: number;
        /** @description Items per page. */
        PageSize: number;
        /**
         * @description External identifier of the contract, assigned at creation.
         * @example CTR-2026-000123
         */
        PathContractRef: string;
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
                /** @description Kind of entity, e.g. `contract`. */
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
    getContracts: {
        parameters: {
            query?: {
                customerRef?: string;
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page. */
                pageSize?: components["parameters"]["PageSize"];
                status?: components["schemas"]["ContractStatus"];
                subscriberRef?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - one page of the matching contracts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    postContract: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen unique key of this creation (e.g. a UUID). Kept per client (token subject): resending the same request with it returns the contract created the first time; reusing it for a different request is refused. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractRequest"];
            };
        };
        responses: {
            /** @description SUCCESS - replay of an earlier request with the same Idempotency-Key; the contract it created, as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractResponse"];
                };
            };
            /** @description SUCCESS - contract created (status CREATED); a SUBSCRIBED event is published. */
            201: {
                headers: {
                    /** @description URL of the new contract. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUCCESS - the contract as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    activateContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ChangeReasonRequest"];
            };
        };
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    changeLanguage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LanguageRequest"];
            };
        };
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    replaceMandate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceMandateRequest"];
            };
        };
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    revokeMandate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeMandateRequest"];
            };
        };
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    changeOutstandingLimit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutstandingLimitRequest"];
            };
        };
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    reactivateContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ChangeReasonRequest"];
            };
        };
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    suspendContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspendRequest"];
            };
        };
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    terminateContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description External identifier of the contract, assigned at creation.
                 * @example CTR-2026-000123
                 */
                contractRef: components["parameters"]["PathContractRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminateRequest"];
            };
        };
        responses: {
            200: components["responses"]["Contract"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
}
