DROP INDEX "operations_invoice_id_idx";--> statement-breakpoint
DROP INDEX "operations_uninvoiced_idx";--> statement-breakpoint
ALTER TABLE "operations" DROP COLUMN "invoice_id";--> statement-breakpoint
ALTER TABLE "operations" DROP COLUMN "invoice_ref";