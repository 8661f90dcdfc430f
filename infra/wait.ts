import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** Used in the timeout error, e.g. "Kafka to answer on 127.0.0.1:9092". */
  description: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Stops polling early, e.g. once the server process is known to have died. */
  signal?: AbortSignal;
}

/**
 * Polls `probe` until it resolves to a value other than undefined/false, or the deadline passes.
 * The last probe error is kept so a timeout says *why* the server never became ready.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined | false>,
  { description, timeoutMs, intervalMs = 250, signal }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const result = await probe();
      if (result !== undefined && result !== false) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${description}${reason}`);
    }
    await sleep(intervalMs);
  }
}

/** Resolves true when `probe` succeeds, false when it throws: for one-shot "does it answer?" checks. */
export async function succeeds(probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch {
    return false;
  }
}
