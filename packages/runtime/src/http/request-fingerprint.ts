import { createHash } from 'node:crypto';

/**
 * SHA-256 of a request body in canonical JSON (keys sorted, undefined dropped): the same
 * content gives the same fingerprint whatever the order of its keys. Idempotency keys store
 * it to tell a replay (same fingerprint: answer as the first time) from a reuse of the key
 * for another request (409).
 */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
