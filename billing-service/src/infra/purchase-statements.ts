import { getTableColumns, type Table } from 'drizzle-orm';
import { auditEventRowOf, OUTBOX_CHANNEL, outboxRowOf, type AuditEntry, type OutgoingEvent } from '@boissipay/runtime';
import type { Pool } from 'pg';
import type { ContractRow, NewOperationLineRow, NewOperationRow, StoredOperationRow } from './operations-repository';
import { operationLines, operations } from './schema';

/**
 * The two statements of a purchase decided without holding the contract's balance row lock
 * across round trips (docs/adr/0028): one read of everything the decision needs, one write of
 * everything an accepted purchase stores, guarded by the outstanding limit. Both are named
 * (prepared once per connection, never parsed again) and sent on the pool outside any explicit
 * transaction: each is a transaction of its own, so the write's rows commit together or not at all.
 */

/** What the decision and a replay need of an earlier submission. */
export type PreviousSubmissionRow = Pick<StoredOperationRow, 'requestHash' | 'responseStatus' | 'responseBody' | 'idempotencyKey' | 'submittedBy'>;

/** What the decision needs of the contract; its customer for the caller's scope. */
export type DecisionContractRow = Pick<
  ContractRow,
  'contractRef' | 'status' | 'activatedAt' | 'expireAt' | 'mandateStatus' | 'mandateSignedAt' | 'mandateRevokedAt' | 'limitMinor' | 'limitCurrency'
> & { customerRef: string | null };

export interface SubmissionState {
  /** Undefined when billing has no balance row for the contract (it knows no such contract). */
  outstandingMinor: number | undefined;
  contract: DecisionContractRow | undefined;
  /** Operations the submission may repeat: same client and Idempotency-Key, or same contract, orderRef and type. */
  previous: PreviousSubmissionRow[];
}

const READ_SUBMISSION_STATE = `
select b.outstanding_minor::text as outstanding_minor,
       c.contract_ref, c.status, c.activated_at::text as activated_at, c.expire_at::text as expire_at,
       c.mandate_status, c.mandate_signed_at::text as mandate_signed_at, c.mandate_revoked_at::text as mandate_revoked_at,
       c.limit_minor::text as limit_minor, c.limit_currency, c.subscriber ->> 'customerRef' as customer_ref,
       (select json_agg(json_build_object('requestHash', o.request_hash, 'responseStatus', o.response_status, 'responseBody', o.response_body,
                                          'idempotencyKey', o.idempotency_key, 'submittedBy', o.submitted_by))
          from operations o
         where (o.contract_ref = $1 and o.order_ref = $2 and o.type = $3) or (o.submitted_by = $4 and o.idempotency_key = $5)) as previous
  from (values (1)) as one (x)
  left join balances b on b.contract_ref = $1
  left join contracts c on c.contract_ref = b.contract_ref`;

interface SubmissionStateRecord {
  outstanding_minor: string | null;
  contract_ref: string | null;
  status: string;
  activated_at: string;
  expire_at: string;
  mandate_status: string | null;
  mandate_signed_at: string | null;
  mandate_revoked_at: string | null;
  limit_minor: string;
  limit_currency: string;
  customer_ref: string | null;
  previous: PreviousSubmissionRow[] | null;
}

/** The balance, the contract and any earlier submission this one repeats, in one round trip and without a lock. */
export async function readSubmissionState(
  pool: Pick<Pool, 'query'>,
  key: { contractRef: string; orderRef: string; type: 'PURCHASE' | 'REFUND'; submittedBy: string; idempotencyKey: string | null },
): Promise<SubmissionState> {
  const { rows } = await pool.query<SubmissionStateRecord>({
    name: 'billing-read-submission-state',
    text: READ_SUBMISSION_STATE,
    values: [key.contractRef, key.orderRef, key.type, key.submittedBy, key.idempotencyKey],
  });
  const [row] = rows;
  if (!row) throw new Error('the submission state query returns one row');
  return {
    outstandingMinor: row.outstanding_minor === null ? undefined : Number(row.outstanding_minor),
    contract:
      row.contract_ref === null
        ? undefined
        : {
            contractRef: row.contract_ref,
            status: row.status,
            activatedAt: row.activated_at,
            expireAt: row.expire_at,
            mandateStatus: row.mandate_status,
            mandateSignedAt: row.mandate_signed_at,
            mandateRevokedAt: row.mandate_revoked_at,
            limitMinor: Number(row.limit_minor),
            limitCurrency: row.limit_currency,
            customerRef: row.customer_ref,
          },
    previous: row.previous ?? [],
  };
}

/**
 * Everything an accepted purchase writes, in one statement, only if the contract's outstanding
 * plus the purchase still fits the limit at the moment of writing: the guarded update takes
 * the balance row's lock for the statement alone and, if another decision changed the row
 * meanwhile, re-checks the guard on the row as that decision left it. Then the operation, its
 * lines, its uninvoiced row, the outbox row (and its NOTIFY) and the audit row, whose
 * outstanding before/after are the ones the update saw. The operation and its lines are
 * written through their tables' row types, so every column the schema declares is stored.
 */
const ACCEPT_PURCHASE_WITHIN_LIMIT = `
with balance as (
  update balances set outstanding_minor = outstanding_minor + $2::bigint, updated_at = $4::timestamptz
   where contract_ref = $1 and outstanding_minor + $2::bigint <= $3::bigint
  returning outstanding_minor
), operation as (
  insert into operations select r.* from balance, jsonb_populate_record(null::operations, $5::jsonb) as r
  returning operation_id, contract_ref, operation_at
), lines as (
  insert into operation_lines select l.* from operation, jsonb_populate_recordset(null::operation_lines, $6::jsonb) as l
), uninvoiced as (
  insert into uninvoiced_operations (contract_ref, operation_at, operation_id) select contract_ref, operation_at, operation_id from operation
), event as (
  insert into outbox (event_id, topic, message_key, payload, headers)
  select e.event_id, e.topic, e.message_key, e.payload, e.headers
    from balance, jsonb_to_record($7::jsonb) as e (event_id uuid, topic text, message_key text, payload jsonb, headers jsonb)
), audit as (
  insert into audit_events (occurred_at, actor_subject, actor_scopes, request_id, entity_type, entity_id, action, reason, before, after)
  select a.occurred_at, a.actor_subject, a.actor_scopes, a.request_id, a.entity_type, a.entity_id, a.action, a.reason,
         jsonb_build_object('outstandingMinor', balance.outstanding_minor - $2::bigint),
         a.after || jsonb_build_object('outstandingMinor', balance.outstanding_minor)
    from balance, jsonb_to_record($8::jsonb) as a (occurred_at timestamptz, actor_subject text, actor_scopes text[], request_id text,
                                                    entity_type text, entity_id text, action text, reason text, after jsonb)
)
select outstanding_minor::text as outstanding_minor, pg_notify($9, '') from balance`;

export interface AcceptedPurchase {
  operation: NewOperationRow;
  lines: readonly Omit<NewOperationLineRow, 'operationId'>[];
  limitMinor: number;
  event: OutgoingEvent<{ eventId: string }>;
  /** Its outstanding before and after are replaced by the ones the guarded update saw. */
  audit: AuditEntry;
}

/** The outstanding after the purchase, or undefined when it no longer fits the limit (nothing was written). */
export async function acceptPurchaseWithinLimit(pool: Pick<Pool, 'query'>, purchase: AcceptedPurchase): Promise<number | undefined> {
  const { operation } = purchase;
  const { rows } = await pool.query<{ outstanding_minor: string }>({
    name: 'billing-accept-purchase-within-limit',
    text: ACCEPT_PURCHASE_WITHIN_LIMIT,
    values: [
      operation.contractRef,
      operation.totalWithTaxMinor,
      purchase.limitMinor,
      operation.decidedAt,
      JSON.stringify(byColumnName(operation, operationColumns)),
      JSON.stringify(purchase.lines.map((line) => byColumnName({ ...line, operationId: operation.operationId }, lineColumns))),
      JSON.stringify(byColumnName(outboxRowOf(purchase.event), outboxColumns)),
      JSON.stringify(byColumnName(auditEventRowOf(purchase.audit), auditColumns)),
      OUTBOX_CHANNEL,
    ],
  });
  const [row] = rows;
  return row ? Number(row.outstanding_minor) : undefined;
}

type ColumnNames = ReadonlyArray<readonly [property: string, column: string]>;

/** The schema's property → column names, read once: a column added to the table is written without touching this file. */
function columnNamesOf(table: Table): ColumnNames {
  return Object.entries(getTableColumns(table)).map(([property, column]) => [property, column.name] as const);
}

const operationColumns = columnNamesOf(operations);
const lineColumns = columnNamesOf(operationLines);
const outboxColumns: ColumnNames = [
  ['eventId', 'event_id'],
  ['topic', 'topic'],
  ['messageKey', 'message_key'],
  ['payload', 'payload'],
  ['headers', 'headers'],
];
const auditColumns: ColumnNames = [
  ['occurredAt', 'occurred_at'],
  ['actorSubject', 'actor_subject'],
  ['actorScopes', 'actor_scopes'],
  ['requestId', 'request_id'],
  ['entityType', 'entity_type'],
  ['entityId', 'entity_id'],
  ['action', 'action'],
  ['reason', 'reason'],
  ['after', 'after'],
];

function byColumnName(row: object, columns: ColumnNames): Record<string, unknown> {
  const values = row as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  for (const [property, column] of columns) if (values[property] !== undefined) record[column] = values[property];
  return record;
}
