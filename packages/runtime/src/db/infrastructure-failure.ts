/**
 * Failures that say nothing about the request or the message: the database is down,
 * restarting, out of connections, or asked us to retry a transaction. A consumer leaves the
 * message uncommitted for redelivery instead of dead-lettering a good event; the HTTP edge
 * answers 503 with Retry-After, the same request being safe to send again.
 */
const TRANSIENT_SQLSTATE_CLASSES = ['08' /* connection exception */];
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);
const TRANSIENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

export function isInfrastructureFailure(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NETWORK_CODES.has(code)) return true;
      if (code.length === 5 && TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
    }
    if (/Connection terminated|timeout exceeded when trying to connect/i.test(current.message)) return true;
  }
  return false;
}
