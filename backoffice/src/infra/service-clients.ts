import createClient from 'openapi-fetch';
import type { billingApi, contractApi, mailerApi, paymentApi } from '@boissipay/contracts';

export interface ServiceUrls {
  contract: string;
  billing: string;
  payment: string;
  mailer: string;
}

/**
 * The four APIs, typed by the `paths` generated from specs/openapi (no hand-written copy of an
 * API type), called with the logged-in user's access token: the services decide what the user
 * may see and do.
 */
export function serviceClients(urls: ServiceUrls, accessToken: string) {
  const options = (base: string) => ({ baseUrl: `${base.replace(/\/+$/, '')}/v1`, headers: { Authorization: `Bearer ${accessToken}` } });
  return {
    contract: createClient<contractApi.paths>(options(urls.contract)),
    billing: createClient<billingApi.paths>(options(urls.billing)),
    payment: createClient<paymentApi.paths>(options(urls.payment)),
    mailer: createClient<mailerApi.paths>(options(urls.mailer)),
  };
}

export type ServiceClients = ReturnType<typeof serviceClients>;
