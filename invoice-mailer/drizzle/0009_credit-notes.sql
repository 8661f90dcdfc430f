CREATE TABLE "credit_notes" (
	"credit_note_ref" text PRIMARY KEY NOT NULL,
	"credit_note_id" uuid NOT NULL,
	"invoice_ref" text NOT NULL,
	"contract_ref" text NOT NULL,
	"issued_event_id" uuid NOT NULL,
	"correlation_id" text,
	"trace_parent" text,
	"credit_note" jsonb NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"seller" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "deliveries_original_invoice_uq";--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "credit_note_ref" text;--> statement-breakpoint
CREATE INDEX "credit_notes_invoice_ref_idx" ON "credit_notes" USING btree ("invoice_ref");--> statement-breakpoint
CREATE INDEX "credit_notes_contract_ref_idx" ON "credit_notes" USING btree ("contract_ref");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_credit_note_ref_credit_notes_credit_note_ref_fk" FOREIGN KEY ("credit_note_ref") REFERENCES "public"."credit_notes"("credit_note_ref") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_original_credit_note_uq" ON "deliveries" USING btree ("credit_note_ref") WHERE "deliveries"."kind" = 'ORIGINAL' and "deliveries"."credit_note_ref" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_original_invoice_uq" ON "deliveries" USING btree ("invoice_ref") WHERE "deliveries"."kind" = 'ORIGINAL' and "deliveries"."credit_note_ref" is null;