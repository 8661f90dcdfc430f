-- Contracts already sharing a mandate reference must be given distinct ones (PUT …/mandate) before this release.
DO $$
DECLARE duplicated text;
BEGIN
  SELECT string_agg(format('%s (%s)', mandate_ref, refs), '; ') INTO duplicated
  FROM (SELECT mandate->>'mandateRef' AS mandate_ref, string_agg(contract_ref, ', ') AS refs FROM contracts GROUP BY 1 HAVING count(*) > 1) shared;
  IF duplicated IS NOT NULL THEN
    RAISE EXCEPTION 'Mandate references shared by several contracts, to replace first: %', duplicated;
  END IF;
END $$;--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_mandate_ref_uq" ON "contracts" USING btree (("mandate"->>'mandateRef'));
