/** A dependency the service cannot serve without (database, Kafka…); resolves when reachable. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export type CheckStatus = 'UP' | 'DOWN';

export interface ReadinessReport {
  status: CheckStatus;
  checks: Record<string, CheckStatus>;
  failures: Array<{ name: string; error: unknown }>;
}

/** Checks run in parallel, each cut short so a hung dependency cannot hang the probe. */
export async function runReadinessChecks(checks: readonly ReadinessCheck[], timeoutMs: number): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), timeoutMs, name);
        return { name, error: undefined, up: true };
      } catch (error) {
        return { name, error, up: false };
      }
    }),
  );
  const failures = outcomes.filter((outcome) => !outcome.up).map(({ name, error }) => ({ name, error }));
  return {
    status: failures.length === 0 ? 'UP' : 'DOWN',
    checks: Object.fromEntries(outcomes.map(({ name, up }) => [name, up ? 'UP' : 'DOWN'])),
    failures,
  };
}

async function withTimeout(work: Promise<void>, timeoutMs: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`readiness check "${name}" timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
