import type { Response } from 'express';
import { serviceClients, type ServiceClients, type ServiceUrls } from '../infra/service-clients';

/** The four APIs for the request's logged-in user. */
export type ServiceClientsOf = (response: Response) => ServiceClients;

export const clientsForUser =
  (urls: ServiceUrls): ServiceClientsOf =>
  (response) =>
    serviceClients(urls, response.locals.signedIn.tokens.accessToken);
