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
    const { status, checks: results, reasons, failures } = await runReadinessChecks(checks, timeoutMs);
    // Only reasons written for the probe are shown (`reasons`, present when there are some):
    // it is unauthenticated, and a dependency's own errors may name hosts; those stay in the logs.
    for (const { name, error } of failures) logger.warn({ err: error, check: name }, 'readiness check failed');
    res.status(status === 'UP' ? 200 : 503).json({ status, checks: results, ...(Object.keys(reasons).length > 0 ? { reasons } : {}) });
  });
  return router;
}
