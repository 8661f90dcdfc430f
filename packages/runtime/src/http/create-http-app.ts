import express, { Router, type Express } from 'express';
import type { Logger } from '../logging';
import { httpMetricsMiddleware, metricsRouter, type ServiceMetrics } from '../metrics';
import type { AuthSettings } from './auth/auth-settings';
import { bearerSecurityHandler } from './auth/bearer-security-handler';
import { createTokenVerifier } from './auth/jwt';
import { authenticateBeforeBody } from './input/authenticate-before-body';
import { requireDecimalQueryNumbers } from './input/decimal-query-numbers';
import { rejectUnstorableText } from './input/reject-unstorable-text';
import { jsonProblemOf } from './input/strict-json';
import { errorHandler, notFoundHandler } from './errors/error-handler';
import { healthRouter } from './health/health-router';
import type { ReadinessCheck } from './health/readiness';
import { correlationIdMiddleware } from './middleware/correlation-id';
import { requestSpanMiddleware } from './middleware/request-span';
import { requestLogMiddleware } from './middleware/request-log';
import { documentationRouter } from './openapi/documentation-router';
import type { DocsAuthorization } from './openapi/try-it-out-spec';
import { loadOpenApiSpec } from './openapi/load-spec';
import { openApiValidation } from './openapi/openapi-validation';

export interface HttpAppOptions {
  /** The service's OpenAPI YAML: the contract every request (and, if asked, response) must meet. */
  specPath: string;
  logger: Logger;
  auth: AuthSettings;
  /** Where Swagger UI at /docs gets tokens, when an authorization server is configured. */
  docsAuthorization?: DocsAuthorization;
  /** Largest accepted JSON body, in body-parser syntax (e.g. "256kb"). */
  bodyLimit: string;
  /** Also check every JSON response against the spec: on in tests, where a drift is a bug to catch. */
  validateResponses?: boolean;
  readinessChecks?: readonly ReadinessCheck[];
  readinessTimeoutMs?: number;
  /** Served at /metrics, and fed with every request's route, status and duration. */
  metrics?: ServiceMetrics;
  /** Registers the service's handlers; they only see requests the spec and the auth accepted. */
  mountRoutes: (router: Router) => void;
}

const DEFAULT_READINESS_TIMEOUT_MS = 2_000;

export function createHttpApp(options: HttpAppOptions): Express {
  const spec = loadOpenApiSpec(options.specPath);
  const app = express();
  app.disable('x-powered-by');

  app.use(requestSpanMiddleware());
  app.use(correlationIdMiddleware());
  app.use(requestLogMiddleware(options.logger));
  if (options.metrics) app.use(httpMetricsMiddleware(options.metrics));
  // Documentation, probes and metrics come before validation and auth: they are not part of the API.
  app.use(documentationRouter(spec, options.docsAuthorization));
  if (options.metrics) app.use(metricsRouter(options.metrics));
  app.use(
    healthRouter({
      checks: options.readinessChecks ?? [],
      timeoutMs: options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
      logger: options.logger,
    }),
  );
  const verifyToken = createTokenVerifier(options.auth);
  app.use(authenticateBeforeBody(spec, verifyToken, options.logger));
  app.use(
    express.json({
      limit: options.bodyLimit,
      type: ['application/json', 'application/*+json'],
      verify: (_req, _res, raw) => {
        const problem = jsonProblemOf(raw);
        if (problem) throw Object.assign(new Error(problem), { status: 400, type: 'entity.verify.failed', expose: true });
      },
    }),
  );
  // XML documents (a bank's status report), as text for the handler to parse; the spec says which operations take them.
  app.use(express.text({ limit: options.bodyLimit, type: ['application/xml', 'text/xml'] }));
  app.use(
    openApiValidation({
      specPath: options.specPath,
      spec,
      validateResponses: options.validateResponses ?? false,
      bearerHandler: bearerSecurityHandler(verifyToken, options.logger),
    }),
  );
  // What the spec cannot say: numbers written in plain decimal, text a database can store.
  app.use(requireDecimalQueryNumbers(spec), rejectUnstorableText);

  const routes = Router();
  options.mountRoutes(routes);
  app.use(routes);

  app.use(notFoundHandler);
  app.use(errorHandler(options.logger));
  return app;
}
