/** A dependency the service cannot serve without (database, Kafka…); resolves when reachable. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export type CheckStatus = 'UP' | 'DOWN';

/**
 * A failure whose message is safe to show on the unauthenticated probe (it names no host, no
 * SQL): a worker stalled, events quarantined. Any other error stays in the logs.
 */
export class ReadinessFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadinessFailure';
  }
}

export interface ReadinessReport {
  status: CheckStatus;
  checks: Record<string, CheckStatus>;
  /** Why a check is DOWN, for the checks that failed with a ReadinessFailure. */
  reasons: Record<string, string>;
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
    reasons: Object.fromEntries(failures.flatMap(({ name, error }) => (error instanceof ReadinessFailure ? [[name, error.message]] : []))),
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
