CREATE TABLE "credited_refunds" (
	"contract_ref" text NOT NULL,
	"operation_id" uuid NOT NULL,
	"credit_note_id" uuid NOT NULL,
	"credit_note_ref" text NOT NULL,
	CONSTRAINT "credited_refunds_contract_ref_operation_id_pk" PRIMARY KEY("contract_ref","operation_id")
);
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_debit_ck";--> statement-breakpoint
ALTER TABLE "credit_notes" ADD COLUMN "invoice_issue_date" date;--> statement-breakpoint
-- Credit notes issued before it was kept: the issue date of the invoice each one credits.
UPDATE "credit_notes" SET "invoice_issue_date" = "invoices"."issue_date" FROM "invoices" WHERE "invoices"."invoice_id" = "credit_notes"."invoice_id";--> statement-breakpoint
ALTER TABLE "credit_notes" ALTER COLUMN "invoice_issue_date" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD COLUMN "run_id" uuid;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "vat_category_code" text DEFAULT 'S' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "vat_exemption_reason_code" text;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "vat_exemption_reason" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "prepaid_amount_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "amount_due_minor" bigint;--> statement-breakpoint
-- Invoices issued before credit was deducted owed their total with tax.
UPDATE "invoices" SET "amount_due_minor" = "total_with_tax_minor";--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "amount_due_minor" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_lines" ADD COLUMN "vat_category_code" text DEFAULT 'S' NOT NULL;--> statement-breakpoint
ALTER TABLE "operation_lines" ADD COLUMN "vat_exemption_reason_code" text;--> statement-breakpoint
ALTER TABLE "operation_lines" ADD COLUMN "vat_exemption_reason" text;--> statement-breakpoint
ALTER TABLE "credited_refunds" ADD CONSTRAINT "credited_refunds_credit_note_id_credit_notes_credit_note_id_fk" FOREIGN KEY ("credit_note_id") REFERENCES "public"."credit_notes"("credit_note_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credited_refunds_credit_note_idx" ON "credited_refunds" USING btree ("credit_note_id");--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_run_id_billing_runs_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."billing_runs"("run_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_notes_contract_idx" ON "credit_notes" USING btree ("contract_ref");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_due_ck" CHECK ("invoices"."prepaid_amount_minor" >= 0 and "invoices"."amount_due_minor" = "invoices"."total_with_tax_minor" - "invoices"."prepaid_amount_minor");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_debit_ck" CHECK ("invoices"."debit_required" = ("invoices"."amount_due_minor" > 0));--> statement-breakpoint
-- Lines decided before categories existed: a 0 % line is zero rated, as a request without categories now means (docs/adr/0026).
UPDATE "operation_lines" SET "vat_category_code" = 'Z' WHERE "vat_rate_basis_points" = 0;--> statement-breakpoint
UPDATE "invoice_lines" SET "vat_category_code" = 'Z' WHERE "vat_rate_basis_points" = 0;
