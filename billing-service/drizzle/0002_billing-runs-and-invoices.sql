CREATE TABLE "billing_runs" (
	"run_id" uuid PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" text NOT NULL,
	"correlation_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"contracts_considered" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "billing_runs_status_ck" CHECK ("billing_runs"."status" in ('RUNNING', 'COMPLETED', 'FAILED'))
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"invoice_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"operation_id" uuid NOT NULL,
	"operation_line_no" integer NOT NULL,
	"operation_type" text NOT NULL,
	"order_ref" text NOT NULL,
	"operation_date" date NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_without_tax_minor" bigint NOT NULL,
	"amount_without_tax_minor" bigint NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"tax_minor" bigint NOT NULL,
	"amount_with_tax_minor" bigint NOT NULL,
	"traveller" text,
	"booking_ref" text,
	"cost_centre" text,
	CONSTRAINT "invoice_lines_invoice_id_line_no_pk" PRIMARY KEY("invoice_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "invoice_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"invoice_ref" text NOT NULL,
	"invoice_type" text NOT NULL,
	"payment_status" text NOT NULL,
	"contract_ref" text NOT NULL,
	"contract_id" text NOT NULL,
	"period" text NOT NULL,
	"run_id" uuid NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"currency" text NOT NULL,
	"total_without_tax_minor" bigint NOT NULL,
	"total_tax_minor" bigint NOT NULL,
	"total_with_tax_minor" bigint NOT NULL,
	"vat_breakdown" jsonb NOT NULL,
	"debit_required" boolean NOT NULL,
	"customer" jsonb NOT NULL,
	"billing_contact" jsonb NOT NULL,
	"billing_address" jsonb NOT NULL,
	"mandate" jsonb,
	"issued_event_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invoices_invoice_ref_unique" UNIQUE("invoice_ref"),
	CONSTRAINT "invoices_type_ck" CHECK ("invoices"."invoice_type" in ('INVOICE', 'CREDIT_NOTE')),
	CONSTRAINT "invoices_amounts_ck" CHECK ("invoices"."total_with_tax_minor" = "invoices"."total_without_tax_minor" + "invoices"."total_tax_minor"),
	CONSTRAINT "invoices_debit_ck" CHECK ("invoices"."debit_required" = ("invoices"."total_with_tax_minor" > 0))
);
--> statement-breakpoint
DROP INDEX "operations_invoice_idx";--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("invoice_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_run_id_billing_runs_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."billing_runs"("run_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_runs_started_idx" ON "billing_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "billing_runs_period_idx" ON "billing_runs" USING btree ("period","status");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_contract_period_uq" ON "invoices" USING btree ("contract_ref","period");--> statement-breakpoint
CREATE INDEX "invoices_run_idx" ON "invoices" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "invoices_period_idx" ON "invoices" USING btree ("period");--> statement-breakpoint
CREATE INDEX "operations_invoice_id_idx" ON "operations" USING btree ("invoice_id") WHERE "operations"."invoice_id" is not null;--> statement-breakpoint
CREATE INDEX "operations_uninvoiced_idx" ON "operations" USING btree ("contract_ref","operation_at") WHERE "operations"."status" = 'ACCEPTED' and "operations"."invoice_id" is null;