-- The writes of one accepted purchase (POST /v1/operations), as billing-service makes them in one
-- transaction (billing-service/src/app/submit-operation.ts), for pgbench: the ceiling PostgreSQL sets
-- on this machine for the same work, without HTTP, JSON, validation or the service's event loop.
-- Run by `npm run bench -- operations` on its scratch database (billing's migrations, its seeded
-- contracts CTR-BENCH-1..N), extended protocol as node-postgres speaks it. Variables (-D):
--   contracts  how many contracts were seeded, picked at random;
--   request, response, payload, audit_after  the JSON of one real purchase of the run, so the
--     rows are as large as billing's; topic  the outbox topic; actor_scopes  the token's scopes, as a
--     text[] literal (a colon inside the script would read as a variable).
-- Its order refs start with CEILING-, so its rows are told apart from the service's.
\set n random(1, :contracts)
\set r random(1, 999999999999999)
BEGIN;
SELECT b.*, c.* FROM balances b LEFT JOIN contracts c ON c.contract_ref = b.contract_ref WHERE b.contract_ref = 'CTR-BENCH-' || :n::text FOR UPDATE OF b;
SELECT * FROM operations WHERE contract_ref = 'CTR-BENCH-' || :n::text AND order_ref = 'CEILING-' || :client_id::text || '-' || :r::text AND type = 'PURCHASE';
INSERT INTO operations (operation_id, type, status, rejection_code, rejection_message, contract_ref, order_ref, refunded_order_ref, customer_ref, operation_at, currency, total_without_tax_minor, total_tax_minor, total_with_tax_minor, request, request_hash, idempotency_key, response_status, response_body, submitted_by, correlation_id, decided_at)
  VALUES (md5('op' || :client_id::text || ':' || :r::text)::uuid, 'PURCHASE', 'ACCEPTED', NULL, NULL, 'CTR-BENCH-' || :n::text, 'CEILING-' || :client_id::text || '-' || :r::text, NULL, 'HA-8768376537', current_date, 'EUR', 909, 91, 1000, :request::jsonb, md5(:r::text), NULL, 201, :response::jsonb, 'bench', md5('cid' || :r::text), now());
INSERT INTO operation_lines (operation_id, line_no, order_item_no, product_ref, product_label, quantity, packaging, unit_price_minor, vat_rate_basis_points, amount_without_tax_minor, amount_tax_minor, amount_with_tax_minor, eco_participation_minor, delivered_on, traveller_name, booking_ref, cost_centre)
  VALUES (md5('op' || :client_id::text || ':' || :r::text)::uuid, 1, 1, 'TGV-PAR-LYS', 'Paris – Lyon, 2nd class', 1, NULL, 909, 1000, 909, 91, 1000, NULL, NULL, 'Jane Martin', 'PNR7XK2Q', 'CE-SPORTS');
INSERT INTO uninvoiced_operations (contract_ref, operation_at, operation_id) VALUES ('CTR-BENCH-' || :n::text, current_date, md5('op' || :client_id::text || ':' || :r::text)::uuid);
UPDATE balances SET outstanding_minor = outstanding_minor + 1000, updated_at = now() WHERE contract_ref = 'CTR-BENCH-' || :n::text;
INSERT INTO outbox (event_id, topic, message_key, payload, headers) VALUES (md5('ev' || :client_id::text || ':' || :r::text)::uuid, :topic, 'CTR-BENCH-' || :n::text, :payload::jsonb, '{}'::jsonb);
SELECT pg_notify('boissipay_outbox', '');
INSERT INTO audit_events (occurred_at, actor_subject, actor_scopes, request_id, entity_type, entity_id, action, reason, before, after)
  VALUES (now(), 'bench', :actor_scopes::text[], md5('req' || :r::text), 'operation', md5('op' || :client_id::text || ':' || :r::text), 'SUBMIT_PURCHASE', NULL, '{"outstandingMinor": 0}'::jsonb, :audit_after::jsonb);
COMMIT;
