-- What one accepted purchase (POST /v1/operations) sends to PostgreSQL, for pgbench: the same two
-- statements as billing-service (billing-service/src/infra/purchase-statements.ts, docs/adr/0028),
-- each a transaction of its own, prepared once per connection as the service's named statements
-- are (--protocol=prepared): the unlocked read of the balance, the contract and any earlier
-- submission, then the write guarded by the outstanding limit. The ceiling PostgreSQL sets on this
-- machine for the same work, without HTTP, JSON, validation or the service's event loop.
-- Run by `npm run bench -- operations` on its scratch database (billing's migrations, its seeded
-- contracts CTR-BENCH-1..N). Variables (-D):
--   contracts  how many contracts were seeded, picked at random;
--   operation, lines, event, audit  one real accepted purchase of the run as the service passes
--     them (its operation row, its lines, its outbox row and its audit row, as JSON keyed by column),
--     so the rows are as large as billing's; each transaction gives them their own keys;
--   limit  the contracts' limit, as the read gives it to the write; channel  the outbox's NOTIFY channel.
-- Its order refs start with CEILING-, so its rows are told apart from the service's.
\set n random(1, :contracts)
\set r random(1, 999999999999999)
select b.outstanding_minor::text as outstanding_minor,
       c.contract_ref, c.status, c.activated_at::text as activated_at, c.expire_at::text as expire_at,
       c.mandate_status, c.mandate_signed_at::text as mandate_signed_at, c.mandate_revoked_at::text as mandate_revoked_at,
       c.limit_minor::text as limit_minor, c.limit_currency, c.subscriber ->> 'customerRef' as customer_ref,
       (select json_agg(json_build_object('requestHash', o.request_hash, 'responseStatus', o.response_status, 'responseBody', o.response_body,
                                          'idempotencyKey', o.idempotency_key, 'submittedBy', o.submitted_by))
          from operations o
         where (o.contract_ref = 'CTR-BENCH-' || :n and o.order_ref = 'CEILING-' || :client_id || '-' || :r and o.type = 'PURCHASE')
            or (o.submitted_by = 'bench' and o.idempotency_key = null::text)) as previous
  from (values (1)) as one (x)
  left join balances b on b.contract_ref = 'CTR-BENCH-' || :n
  left join contracts c on c.contract_ref = b.contract_ref;
with balance as (
  update balances set outstanding_minor = outstanding_minor + 1000::bigint, updated_at = now()
   where contract_ref = 'CTR-BENCH-' || :n and outstanding_minor + 1000::bigint <= :limit::bigint
  returning outstanding_minor
), operation as (
  insert into operations select r.* from balance, jsonb_populate_record(null::operations, :operation::jsonb || jsonb_build_object(
      'operation_id', md5('op' || :client_id || ':' || :r)::uuid, 'contract_ref', 'CTR-BENCH-' || :n,
      'order_ref', 'CEILING-' || :client_id || '-' || :r, 'request_hash', md5(:r::text), 'decided_at', now())) as r
  returning operation_id, contract_ref, operation_at
), lines as (
  insert into operation_lines select l.* from operation,
    jsonb_populate_recordset(null::operation_lines, (select jsonb_agg(line || jsonb_build_object('operation_id', md5('op' || :client_id || ':' || :r)::uuid))
                                                       from jsonb_array_elements(:lines::jsonb) as line)) as l
), uninvoiced as (
  insert into uninvoiced_operations (contract_ref, operation_at, operation_id) select contract_ref, operation_at, operation_id from operation
), event as (
  insert into outbox (event_id, topic, message_key, payload, headers)
  select e.event_id, e.topic, e.message_key, e.payload, e.headers
    from balance, jsonb_to_record(:event::jsonb || jsonb_build_object('event_id', md5('ev' || :client_id || ':' || :r)::uuid, 'message_key', 'CTR-BENCH-' || :n))
      as e (event_id uuid, topic text, message_key text, payload jsonb, headers jsonb)
), audit as (
  insert into audit_events (occurred_at, actor_subject, actor_scopes, request_id, entity_type, entity_id, action, reason, before, after)
  select a.occurred_at, a.actor_subject, a.actor_scopes, a.request_id, a.entity_type, a.entity_id, a.action, a.reason,
         jsonb_build_object('outstandingMinor', balance.outstanding_minor - 1000::bigint),
         a.after || jsonb_build_object('outstandingMinor', balance.outstanding_minor)
    from balance, jsonb_to_record(:audit::jsonb || jsonb_build_object('occurred_at', now(), 'request_id', md5('req' || :r), 'entity_id', md5('op' || :client_id || ':' || :r)))
      as a (occurred_at timestamptz, actor_subject text, actor_scopes text[], request_id text, entity_type text, entity_id text, action text, reason text, after jsonb)
)
select outstanding_minor::text as outstanding_minor, pg_notify(:channel, '') from balance;
