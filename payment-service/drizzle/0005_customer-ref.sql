-- Payments recorded before keep a NULL customer: their invoice event is not stored here, so it cannot be backfilled. Customer-scoped tokens do not see them; unrestricted tokens do.
ALTER TABLE "payments" ADD COLUMN "customer_ref" text;--> statement-breakpoint
CREATE INDEX "payments_customer_ref_idx" ON "payments" USING btree ("customer_ref","created_at");