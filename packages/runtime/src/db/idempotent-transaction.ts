import type { Database, Transaction } from './database';

/** What a service stored of a request made under an Idempotency-Key: at least its fingerprint (http/request-fingerprint.ts). */
export interface StoredRequest {
  requestHash: string | null;
}

/** A request whose key was seen before: a replay when it is the same request (same fingerprint), else a reuse of the key for another request (409). */
export interface SeenUnderKey<S extends StoredRequest> {
  kind: 'seen-under-key';
  seen: S;
  sameRequest: boolean;
}

/**
 * Thrown by `apply` when the row that records the key could not be inserted because the key is
 * taken: a concurrent request under the same key committed first. It rolls `apply` back, and
 * the request is answered as a replay of that one (or a reuse of its key).
 */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('the Idempotency-Key was taken by a concurrent request');
  }
}

/**
 * A state change made at most once per client's Idempotency-Key. The key is kept by the
 * service on the row the change writes (an operation, an action, a delivery, a credit note),
 * unique per client, beside the request's fingerprint:
 * - a key already stored answers `seen-under-key` (with whether it is the same request), and
 *   `apply` does not run;
 * - otherwise `apply` runs in one transaction and writes that row. Once it holds the lock its
 *   decision depends on, it calls `keyStillFree()`: a concurrent request under the same key
 *   that committed while this one waited for the lock is found then, and this request is
 *   answered as its replay, not refused for the state that request made. When the insert of
 *   the row finds the key taken anyway (ON CONFLICT DO NOTHING, nothing returned), `apply`
 *   throws IdempotencyKeyTaken: rolled back, answered from the row that won.
 * Without a key, `apply` simply runs in a transaction.
 */
export async function idempotentTransaction<TSchema extends Record<string, unknown>, T, S extends StoredRequest>(
  db: Database<TSchema>,
  request: { idempotencyKey: string | undefined; requestHash: string },
  find: (db: Database<TSchema> | Transaction<TSchema>, idempotencyKey: string) => Promise<S | undefined>,
  apply: (tx: Transaction<TSchema>, keyStillFree: () => Promise<void>) => Promise<T>,
): Promise<T | SeenUnderKey<S>> {
  const { idempotencyKey, requestHash } = request;
  const seenOf = async (key: string) => {
    const seen = await find(db, key);
    return seen && { kind: 'seen-under-key' as const, seen, sameRequest: seen.requestHash === requestHash };
  };
  if (idempotencyKey) {
    const seen = await seenOf(idempotencyKey);
    if (seen) return seen;
  }
  try {
    return await db.transaction((tx) =>
      apply(tx, async () => {
        if (idempotencyKey && (await find(tx, idempotencyKey))) throw new IdempotencyKeyTaken();
      }),
    );
  } catch (error) {
    if (!(error instanceof IdempotencyKeyTaken) || !idempotencyKey) throw error;
    const seen = await seenOf(idempotencyKey);
    if (!seen) throw new Error(`Idempotency-Key ${idempotencyKey} was taken, yet no request is stored under it`);
    return seen;
  }
}
