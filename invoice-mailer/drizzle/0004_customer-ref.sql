ALTER TABLE "deliveries" ADD COLUMN "customer_ref" text;--> statement-breakpoint
CREATE INDEX "deliveries_customer_ref_idx" ON "deliveries" USING btree ("customer_ref");--> statement-breakpoint
-- Deliveries recorded before: their invoice, stored as billing issued it, names the customer.
UPDATE "deliveries" SET "customer_ref" = "invoices"."invoice" -> 'customer' ->> 'customerRef' FROM "invoices" WHERE "invoices"."invoice_ref" = "deliveries"."invoice_ref";
