ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_invoice_id_invoices_invoice_id_fk";
--> statement-breakpoint
ALTER TABLE "invoiced_operations" DROP CONSTRAINT "invoiced_operations_invoice_id_invoices_invoice_id_fk";
