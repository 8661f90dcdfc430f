/** Why a message is set aside in the DLQ rather than retried forever. */
export type PoisonReason = 'undecodable' | 'missing-event-id' | 'handler-failed';

export interface PoisonMessage {
  reason: PoisonReason;
  error: Error;
}

export function poison(reason: PoisonReason, error: unknown): PoisonMessage {
  return { reason, error: error instanceof Error ? error : new Error(String(error)) };
}
