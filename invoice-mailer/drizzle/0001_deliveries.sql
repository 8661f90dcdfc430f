CREATE TABLE "deliveries" (
	"delivery_id" uuid PRIMARY KEY NOT NULL,
	"invoice_ref" text NOT NULL,
	"contract_ref" text NOT NULL,
	"recipient" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"message_id" text NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"failure_reason" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_invoice_ref_unique" UNIQUE("invoice_ref"),
	CONSTRAINT "deliveries_status_check" CHECK ("deliveries"."status" in ('PENDING', 'SENT', 'FAILED'))
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"invoice_ref" text PRIMARY KEY NOT NULL,
	"invoice_id" uuid NOT NULL,
	"invoice_type" text NOT NULL,
	"contract_ref" text NOT NULL,
	"issued_event_id" uuid NOT NULL,
	"correlation_id" text,
	"invoice" jsonb NOT NULL,
	"seller" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_invoice_ref_invoices_invoice_ref_fk" FOREIGN KEY ("invoice_ref") REFERENCES "public"."invoices"("invoice_ref") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("next_attempt_at") WHERE "deliveries"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "deliveries_contract_ref_idx" ON "deliveries" USING btree ("contract_ref");--> statement-breakpoint
CREATE INDEX "deliveries_received_idx" ON "deliveries" USING btree ("received_at","delivery_id");--> statement-breakpoint
CREATE INDEX "invoices_contract_ref_idx" ON "invoices" USING btree ("contract_ref");