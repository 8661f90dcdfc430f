CREATE TABLE "balances" (
	"contract_ref" text PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"outstanding_minor" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"contract_ref" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"product_ref" text NOT NULL,
	"contract_type" text NOT NULL,
	"status" text NOT NULL,
	"created_on" date NOT NULL,
	"signed_on" date,
	"activated_at" date NOT NULL,
	"expire_at" date NOT NULL,
	"terminated_at" date,
	"mandate_ref" text,
	"mandate_status" text,
	"mandate_signed_at" date,
	"mandate_revoked_at" date,
	"mandate_iban" text,
	"mandate_bic" text,
	"limit_minor" bigint NOT NULL,
	"limit_currency" text NOT NULL,
	"subscriber" jsonb NOT NULL,
	"distributor_ref" text,
	"billing_contact" jsonb NOT NULL,
	"billing_address" jsonb NOT NULL,
	"version" bigint NOT NULL,
	"last_event_id" uuid NOT NULL,
	"last_event_type" text NOT NULL,
	"last_event_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operation_lines" (
	"operation_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"order_item_no" integer NOT NULL,
	"product_ref" text,
	"product_label" text NOT NULL,
	"quantity" integer NOT NULL,
	"packaging" text,
	"unit_price_minor" bigint NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"amount_without_tax_minor" bigint NOT NULL,
	"amount_tax_minor" bigint NOT NULL,
	"amount_with_tax_minor" bigint NOT NULL,
	"eco_participation_minor" bigint,
	"delivered_on" date,
	"traveller_name" text,
	"booking_ref" text,
	"cost_centre" text,
	CONSTRAINT "operation_lines_operation_id_line_no_pk" PRIMARY KEY("operation_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"operation_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"rejection_code" text,
	"rejection_message" text,
	"contract_ref" text NOT NULL,
	"order_ref" text NOT NULL,
	"refunded_order_ref" text,
	"customer_ref" text,
	"operation_at" date NOT NULL,
	"currency" text NOT NULL,
	"total_without_tax_minor" bigint NOT NULL,
	"total_tax_minor" bigint NOT NULL,
	"total_with_tax_minor" bigint NOT NULL,
	"request" jsonb NOT NULL,
	"request_hash" text NOT NULL,
	"idempotency_key" text,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"invoice_ref" text,
	"submitted_by" text NOT NULL,
	"correlation_id" text,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operations_type_ck" CHECK ("operations"."type" in ('PURCHASE', 'REFUND')),
	CONSTRAINT "operations_status_ck" CHECK ("operations"."status" in ('ACCEPTED', 'REJECTED')),
	CONSTRAINT "operations_amounts_ck" CHECK ("operations"."total_with_tax_minor" = "operations"."total_without_tax_minor" + "operations"."total_tax_minor")
);
--> statement-breakpoint
ALTER TABLE "operation_lines" ADD CONSTRAINT "operation_lines_operation_id_operations_operation_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("operation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "operations_natural_key_uq" ON "operations" USING btree ("contract_ref","order_ref","type");--> statement-breakpoint
CREATE UNIQUE INDEX "operations_idempotency_key_uq" ON "operations" USING btree ("idempotency_key") WHERE "operations"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "operations_contract_date_idx" ON "operations" USING btree ("contract_ref","operation_at");--> statement-breakpoint
CREATE INDEX "operations_decided_idx" ON "operations" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "operations_refunds_idx" ON "operations" USING btree ("contract_ref","refunded_order_ref") WHERE "operations"."type" = 'REFUND';--> statement-breakpoint
CREATE INDEX "operations_invoice_idx" ON "operations" USING btree ("invoice_ref") WHERE "operations"."invoice_ref" is not null;