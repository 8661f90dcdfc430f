ALTER TABLE "invoices" ADD COLUMN "payment_ref" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "payment_failure_code" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "payment_failure_message" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "delivery_status" text DEFAULT 'PENDING' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "delivery_recipient" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "delivery_failure_reason" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payment_status_ck" CHECK ("invoices"."payment_status" in ('PENDING', 'NOT_REQUIRED', 'PAID', 'UNPAID'));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_delivery_status_ck" CHECK ("invoices"."delivery_status" in ('PENDING', 'SENT', 'FAILED'));