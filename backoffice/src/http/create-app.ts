import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Admin, Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { AvroCodec, Logger } from '@boissipay/runtime';
import type { LiveFeed } from '../app/live-feed';
import type { OidcClient } from '../infra/oidc-client';
import type { ServiceUrls } from '../infra/service-clients';
import { sessionMiddleware } from '../infra/session-store';
import { topicBrowser } from '../infra/topic-browser';
import { authRoutes, requireLogin } from './auth-routes';
import { billingRunRoutes } from './billing-run-routes';
import { clientsForUser } from './clients';
import { contractRoutes } from './contract-routes';
import { requireCsrfToken } from './csrf';
import { LANGUAGE_COOKIE } from './i18n';
import { liveRoutes } from './live-routes';
import { moneyRoutes } from './money-routes';
import { operationRoutes } from './operation-routes';
import { overviewRoutes } from './overview-routes';
import { topicRoutes } from './topic-routes';

export interface AppParts {
  logger: Logger;
  pool: Pool;
  kafka: Kafka;
  admin: Admin;
  /** Decodes any message with the writer schema it names (the topic browser's). */
  codec: AvroCodec;
  oidc: OidcClient;
  feed: LiveFeed;
  caughtUp: Promise<void>;
  urls: ServiceUrls;
  publicUrl: string;
  sessionSecret: string;
  topicPrefix: string;
}

/** The back office's pages, its live stream and its login; Express 5 hands a rejected route promise to the error handler. */
export function createApp(parts: AppParts): { app: express.Express; closeStreams(): void } {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/health/live', (_request, response) => void response.json({ status: 'UP' }));
  app.get('/health/ready', async (_request, response) => {
    const checks = await Promise.allSettled([parts.pool.query('select 1'), parts.admin.describeCluster()]);
    const up = checks.every((check) => check.status === 'fulfilled');
    response.status(up ? 200 : 503).json({ status: up ? 'UP' : 'DOWN' });
  });
  app.use('/assets', express.static(path.join(__dirname, 'assets'), { maxAge: '1h' }));
  app.get('/language/:lang', (request, response) => {
    const lang = request.params.lang === 'en' ? 'en' : 'fr';
    const back = typeof request.query.back === 'string' && request.query.back.startsWith('/') && !request.query.back.startsWith('//') ? request.query.back : '/';
    response.cookie(LANGUAGE_COOKIE, lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000 });
    response.redirect(303, back);
  });

  app.use(sessionMiddleware({ pool: parts.pool, secret: parts.sessionSecret, secure: parts.publicUrl.startsWith('https:') }));
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.use(requireCsrfToken);
  const router = express.Router();
  authRoutes(router, { oidc: parts.oidc, publicUrl: parts.publicUrl, logger: parts.logger });
  app.use(router);

  const pages = express.Router();
  pages.use(requireLogin(parts.oidc));
  const clientsOf = clientsForUser(parts.urls);
  const live = liveRoutes(pages, parts.feed, parts.caughtUp);
  overviewRoutes(pages, { clientsOf, feed: parts.feed, admin: parts.admin, topicPrefix: parts.topicPrefix });
  contractRoutes(pages, clientsOf);
  operationRoutes(pages, clientsOf);
  billingRunRoutes(pages, clientsOf);
  moneyRoutes(pages, clientsOf);
  topicRoutes(pages, { topics: topicBrowser({ kafka: parts.kafka, admin: parts.admin, codec: parts.codec, topicPrefix: parts.topicPrefix }), logger: parts.logger });
  app.use(pages);

  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    parts.logger.error({ err: error }, 'request failed');
    if (response.headersSent) return next(error);
    response.status(502).type('text/plain').send('The back office could not complete this request; see its log.');
  });
  return { app, closeStreams: live.closeStreams };
}
