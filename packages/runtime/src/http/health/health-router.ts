import { Router } from 'express';
import type { Logger } from '../../logging';
import { runReadinessChecks, type ReadinessCheck } from './readiness';

export interface HealthOptions {
  checks: readonly ReadinessCheck[];
  timeoutMs: number;
  logger: Logger;
}

/**
 * Liveness only says the process answers (a restart would not help otherwise); readiness says
 * whether its dependencies answer, so traffic is withheld rather than failed.
 */
export function healthRouter({ checks, timeoutMs, logger }: HealthOptions): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'UP' });
  });
  router.get('/health/ready', async (_req, res) => {
    const { status, checks: results, failures } = await runReadinessChecks(checks, timeoutMs);
    // Reasons stay in the logs: the probe is unauthenticated and errors may name hosts.
    for (const { name, error } of failures) logger.warn({ err: error, check: name }, 'readiness check failed');
    res.status(status === 'UP' ? 200 : 503).json({ status, checks: results });
  });
  return router;
}
