CREATE TABLE "credit_note_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_notes" (
	"credit_note_id" uuid PRIMARY KEY NOT NULL,
	"credit_note_ref" text NOT NULL,
	"invoice_id" uuid NOT NULL,
	"invoice_ref" text NOT NULL,
	"contract_ref" text NOT NULL,
	"issue_date" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"total_without_tax_minor" bigint NOT NULL,
	"total_tax_minor" bigint NOT NULL,
	"total_with_tax_minor" bigint NOT NULL,
	"vat_breakdown" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"reason" text NOT NULL,
	"issued_by" text NOT NULL,
	"idempotency_key" text,
	"request_hash" text NOT NULL,
	"issued_event_id" uuid NOT NULL,
	CONSTRAINT "credit_notes_credit_note_ref_unique" UNIQUE("credit_note_ref"),
	CONSTRAINT "credit_notes_amounts_ck" CHECK ("credit_notes"."total_with_tax_minor" = "credit_notes"."total_without_tax_minor" + "credit_notes"."total_tax_minor" and "credit_notes"."total_with_tax_minor" > 0)
);
--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_invoice_id_invoices_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("invoice_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_notes_invoice_idx" ON "credit_notes" USING btree ("invoice_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_client_idempotency_key_uq" ON "credit_notes" USING btree ("issued_by","idempotency_key") WHERE "credit_notes"."idempotency_key" is not null;