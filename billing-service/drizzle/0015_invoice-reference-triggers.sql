-- An invoice's lines and the links of the operations it billed refer to the invoice, checked once
-- per statement over all the rows it wrote, instead of one foreign-key query per row: a billing
-- run writes a hundred of each per invoice, and those per-row checks were a third of its time
-- (docs/adr/0031). An issued invoice is never deleted, nor its id changed, so a reference that
-- held when it was written holds for good: no row lock on the invoice is needed.
CREATE FUNCTION rows_refer_to_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  SELECT w.invoice_id INTO missing
    FROM written w
   WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.invoice_id = w.invoice_id)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "%" violates the reference to invoices', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME,
            DETAIL = format('Key (invoice_id)=(%s) is not present in table "invoices".', missing);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_refer_to_invoices_on_insert AFTER INSERT ON invoice_lines
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION rows_refer_to_invoices();
--> statement-breakpoint
CREATE TRIGGER invoice_lines_refer_to_invoices_on_update AFTER UPDATE ON invoice_lines
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION rows_refer_to_invoices();
--> statement-breakpoint
CREATE TRIGGER invoiced_operations_refer_to_invoices_on_insert AFTER INSERT ON invoiced_operations
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION rows_refer_to_invoices();
--> statement-breakpoint
CREATE TRIGGER invoiced_operations_refer_to_invoices_on_update AFTER UPDATE ON invoiced_operations
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION rows_refer_to_invoices();
--> statement-breakpoint
CREATE FUNCTION invoices_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an issued invoice is kept: it cannot be deleted nor change its id (cancel it with a credit note)'
    USING ERRCODE = 'restrict_violation', TABLE = 'invoices';
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_never_deleted BEFORE DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_are_kept();
--> statement-breakpoint
CREATE TRIGGER invoices_never_truncated BEFORE TRUNCATE ON invoices
  FOR EACH STATEMENT EXECUTE FUNCTION invoices_are_kept();
--> statement-breakpoint
CREATE TRIGGER invoices_id_never_changed BEFORE UPDATE OF invoice_id ON invoices
  FOR EACH ROW WHEN (OLD.invoice_id IS DISTINCT FROM NEW.invoice_id) EXECUTE FUNCTION invoices_are_kept();
