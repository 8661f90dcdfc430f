CREATE TABLE "payment_attempts" (
	"payment_ref" text NOT NULL,
	"attempt_number" integer NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"reason_code" text,
	"message" text,
	"provider_ref" text,
	CONSTRAINT "payment_attempts_payment_ref_attempt_number_pk" PRIMARY KEY("payment_ref","attempt_number")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"payment_ref" text PRIMARY KEY NOT NULL,
	"invoice_ref" text NOT NULL,
	"invoice_id" text NOT NULL,
	"contract_ref" text NOT NULL,
	"invoice_event_id" uuid NOT NULL,
	"correlation_id" text,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"due_date" date NOT NULL,
	"mandate_ref" text,
	"iban" text,
	"bic" text,
	"status" text NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"reason_code" text,
	"reason_message" text,
	"provider_ref" text,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_invoice_ref_unique" UNIQUE("invoice_ref")
);
--> statement-breakpoint
CREATE TABLE "simulated_debits" (
	"payment_ref" text PRIMARY KEY NOT NULL,
	"iban" text NOT NULL,
	"mandate_ref" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"calls" integer NOT NULL,
	"outcome" text,
	"provider_ref" text,
	"reason_code" text,
	"message" text,
	"first_called_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_payment_ref_payments_payment_ref_fk" FOREIGN KEY ("payment_ref") REFERENCES "public"."payments"("payment_ref") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_contract_ref_idx" ON "payments" USING btree ("contract_ref","created_at");--> statement-breakpoint
CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "payments_listing_idx" ON "payments" USING btree ("created_at","payment_ref");--> statement-breakpoint
CREATE INDEX "payments_due_idx" ON "payments" USING btree ("next_attempt_at") WHERE "payments"."status" in ('PENDING', 'RETRY_SCHEDULED');