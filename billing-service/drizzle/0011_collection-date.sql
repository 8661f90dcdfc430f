ALTER TABLE "invoices" ADD COLUMN "collection_date" date;--> statement-breakpoint
-- Invoices issued before collection dates existed were announced and debited on their due date.
UPDATE "invoices" SET "collection_date" = "due_date";--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "collection_date" SET NOT NULL;
