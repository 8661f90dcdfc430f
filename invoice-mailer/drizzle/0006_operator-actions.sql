ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_invoice_ref_unique";--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "kind" text DEFAULT 'ORIGINAL' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "requested_by" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "request_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_original_invoice_uq" ON "deliveries" USING btree ("invoice_ref") WHERE "deliveries"."kind" = 'ORIGINAL';--> statement-breakpoint
CREATE INDEX "deliveries_invoice_ref_idx" ON "deliveries" USING btree ("invoice_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_client_idempotency_key_uq" ON "deliveries" USING btree ("requested_by","idempotency_key") WHERE "deliveries"."idempotency_key" is not null;