CREATE TABLE "collection_transactions" (
	"debit_key" text PRIMARY KEY NOT NULL,
	"payment_ref" text NOT NULL,
	"customer_ref" text,
	"collection_date" date NOT NULL,
	"sequence_type" text NOT NULL,
	"mandate_ref" text NOT NULL,
	"mandate_signed_at" date NOT NULL,
	"debtor_name" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"remittance_information" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "mandate_signed_at" date;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "debtor_name" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "return_reason_code" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "simulated_debits" ADD COLUMN "return_reason_code" text;--> statement-breakpoint
ALTER TABLE "simulated_debits" ADD COLUMN "return_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "simulated_debits" ADD COLUMN "return_reported_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "collection_transactions_date_idx" ON "collection_transactions" USING btree ("collection_date","debit_key");--> statement-breakpoint
CREATE INDEX "collection_transactions_mandate_idx" ON "collection_transactions" USING btree ("mandate_ref");