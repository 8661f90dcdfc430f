CREATE TABLE "invoiced_operations" (
	"contract_ref" text NOT NULL,
	"operation_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"invoice_ref" text NOT NULL,
	CONSTRAINT "invoiced_operations_contract_ref_operation_id_pk" PRIMARY KEY("contract_ref","operation_id")
);
--> statement-breakpoint
CREATE TABLE "uninvoiced_operations" (
	"contract_ref" text NOT NULL,
	"operation_at" date NOT NULL,
	"operation_id" uuid NOT NULL,
	CONSTRAINT "uninvoiced_operations_contract_ref_operation_at_operation_id_pk" PRIMARY KEY("contract_ref","operation_at","operation_id")
);
--> statement-breakpoint
ALTER TABLE "invoiced_operations" ADD CONSTRAINT "invoiced_operations_invoice_id_invoices_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("invoice_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoiced_operations_invoice_idx" ON "invoiced_operations" USING btree ("invoice_id");