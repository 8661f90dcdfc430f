CREATE TABLE "payment_actions" (
	"action_id" uuid PRIMARY KEY NOT NULL,
	"payment_ref" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"bank_reference" text,
	"received_on" date,
	"idempotency_key" text,
	"request_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "method" text DEFAULT 'DIRECT_DEBIT' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "bank_reference" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "received_on" date;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "debit_round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "attempts_before_round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_actions" ADD CONSTRAINT "payment_actions_payment_ref_payments_payment_ref_fk" FOREIGN KEY ("payment_ref") REFERENCES "public"."payments"("payment_ref") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_actions_payment_idx" ON "payment_actions" USING btree ("payment_ref","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_actions_client_idempotency_key_uq" ON "payment_actions" USING btree ("requested_by","idempotency_key") WHERE "payment_actions"."idempotency_key" is not null;