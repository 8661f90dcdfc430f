-- Moves where invoicing stands out of the operations rows (invoice_id / invoice_ref, dropped by
-- the next migration) into the two narrow tables: accepted operations not yet invoiced are
-- queued to invoice, invoiced ones keep the invoice that billed them.
INSERT INTO "uninvoiced_operations" ("contract_ref", "operation_at", "operation_id")
SELECT "contract_ref", "operation_at", "operation_id" FROM "operations"
 WHERE "status" = 'ACCEPTED' AND "invoice_id" IS NULL;
--> statement-breakpoint
INSERT INTO "invoiced_operations" ("contract_ref", "operation_id", "invoice_id", "invoice_ref")
SELECT "contract_ref", "operation_id", "invoice_id", "invoice_ref" FROM "operations"
 WHERE "invoice_id" IS NOT NULL;
