import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { OpenApiDocument } from './load-spec';
import { tryItOutSpec, type DocsAuthorization } from './try-it-out-spec';

/** The contract, public like the API surface it describes: raw at /openapi.json, browsable at /docs. */
export function documentationRouter(spec: OpenApiDocument, authorization: DocsAuthorization = {}): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(spec);
  });
  // serveFiles, not serve: serve shares one module-level document between all apps of a process.
  const page = tryItOutSpec(spec, authorization);
  // The options go to serveFiles too: it writes them into the page's swagger-ui-init.js.
  // PKCE: the login client is public (a browser keeps no secret).
  const options = { swaggerOptions: { persistAuthorization: true, initOAuth: { usePkceWithAuthorizationCodeGrant: true } } };
  router.use('/docs', swaggerUi.serveFiles(page, options), swaggerUi.setup(page, options));
  return router;
}
