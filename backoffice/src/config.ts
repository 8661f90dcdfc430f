import { z } from 'zod';
import { defineServiceConfig, settings, variable, type ConfigOf } from '@boissipay/runtime';

const serviceUrl = (service: string, port: number) =>
  variable({
    description: `Base URL of ${service}'s API (without /v1), called with the logged-in user's token.`,
    schema: z.url(),
    default: `http://127.0.0.1:${port}`,
  });

/**
 * The back office's own variables. Its database holds only the login sessions (tokens stay on
 * the server, ADR 0022), so a restart keeps everyone logged in.
 */
export const backofficeConfig = defineServiceConfig({ name: 'backoffice', port: 8484, database: 'boissipay_backoffice' }, {
  CONTRACT_SERVICE_URL: serviceUrl('contract-service', 8080),
  BILLING_SERVICE_URL: serviceUrl('billing-service', 8181),
  PAYMENT_SERVICE_URL: serviceUrl('payment-service', 8282),
  MAILER_SERVICE_URL: serviceUrl('invoice-mailer', 8383),
  BACKOFFICE_PUBLIC_URL: variable({
    description: 'URL at which browsers reach the back office (Keycloak redirects there after a login: <url>/auth/callback must be a redirect URI of the client).',
    schema: z.url(),
    default: 'http://localhost:8484',
  }),
  OIDC_ISSUER: variable({
    description: "Keycloak realm URL as browsers reach it, the tokens' issuer (login page, logout).",
    schema: z.url(),
    default: 'http://localhost:8090/realms/boissipay',
  }),
  OIDC_BACKCHANNEL_URL: variable({
    description: 'The same realm URL as the back-office server reaches it (token, keys, discovery), when it differs from OIDC_ISSUER (e.g. http://keycloak:8080/realms/boissipay in compose). Empty: OIDC_ISSUER.',
    schema: settings.optionalUrl,
    default: '',
  }),
  OIDC_CLIENT_ID: variable({
    description: 'Public OpenID Connect client of the back office (authorization code with PKCE).',
    schema: z.string().min(1),
    default: 'boissipay-backoffice',
  }),
  SESSION_SECRET: variable({
    description: 'Signs the session cookie of the back office. Required in production.',
    schema: z.string().min(16, 'at least 16 characters'),
    default: 'boissipay-local-backoffice-session-secret',
    productionDefault: false,
    secret: true,
  }),
  LIVE_BUFFER_SIZE: variable({
    description: 'Messages per topic partition the live feed keeps in memory and reads again from Kafka at start-up, for clients that reconnect (Last-Event-ID); a client further behind is told to reload the page.',
    schema: settings.positiveInt,
    default: '2000',
  }),
});

export type BackofficeConfig = ConfigOf<typeof backofficeConfig>;
