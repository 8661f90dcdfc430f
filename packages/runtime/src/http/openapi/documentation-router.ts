import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { OpenApiDocument } from './load-spec';

/** The contract, public like the API surface it describes: raw at /openapi.json, browsable at /docs. */
export function documentationRouter(spec: OpenApiDocument): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(spec);
  });
  // serveFiles, not serve: serve shares one module-level document between all apps of a process.
  router.use('/docs', swaggerUi.serveFiles(spec), swaggerUi.setup(spec));
  return router;
}
