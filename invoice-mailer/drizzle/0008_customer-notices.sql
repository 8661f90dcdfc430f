CREATE TABLE "notices" (
	"notice_id" uuid PRIMARY KEY NOT NULL,
	"cause_event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"contract_ref" text NOT NULL,
	"invoice_ref" text,
	"customer_ref" text,
	"recipient" text,
	"recipient_name" text,
	"language" text DEFAULT 'fr' NOT NULL,
	"facts" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"message_id" text NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"failure_reason" text,
	"correlation_id" text,
	"trace_parent" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_status_check" CHECK ("notices"."status" in ('PENDING', 'SENT', 'FAILED')),
	CONSTRAINT "notices_kind_check" CHECK ("notices"."kind" in ('DEBIT_FAILED', 'DEBIT_RETURNED', 'CONTRACT_SUSPENDED', 'CONTRACT_REACTIVATED'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notices_cause_event_uq" ON "notices" USING btree ("cause_event_id");--> statement-breakpoint
CREATE INDEX "notices_due_idx" ON "notices" USING btree ("next_attempt_at") WHERE "notices"."status" = 'PENDING' and "notices"."recipient" is not null;--> statement-breakpoint
CREATE INDEX "notices_waiting_invoice_idx" ON "notices" USING btree ("invoice_ref") WHERE "notices"."recipient" is null;--> statement-breakpoint
CREATE INDEX "notices_contract_ref_idx" ON "notices" USING btree ("contract_ref");--> statement-breakpoint
CREATE INDEX "notices_customer_ref_idx" ON "notices" USING btree ("customer_ref");--> statement-breakpoint
CREATE INDEX "notices_received_idx" ON "notices" USING btree ("received_at","notice_id");