type Falsy = false | null | undefined | 0 | '';

/**
 * Polls `probe` until it returns something truthy and resolves with it, so a test waits on
 * observable progress (a row, a consumed message) and never on a guessed sleep.
 */
export async function waitFor<T>(
  probe: () => T | Falsy | Promise<T | Falsy>,
  options: { timeoutMs?: number; intervalMs?: number; description?: string } = {},
): Promise<T> {
  const { timeoutMs = 15_000, intervalMs = 50, description = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
