ALTER TABLE "payments" ADD COLUMN "collection_date" date;--> statement-breakpoint
-- Payments recorded before collection dates existed were scheduled for their invoice's due date.
UPDATE "payments" SET "collection_date" = "due_date";--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "collection_date" SET NOT NULL;
