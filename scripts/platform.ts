import type { ServiceIdentity } from '@boissipay/runtime';
import { billingConfig } from '../billing-service/src/config';
import { contractConfig } from '../contract-service/src/config';
import { mailerConfig } from '../invoice-mailer/src/config';
import { paymentConfig } from '../payment-service/src/config';

/**
 * The platform's deployable services: the one list that the scripts (start, migrations, demo),
 * the local infrastructure and the repository checks share. The runtime knows none of them; a
 * new service adds its config slice here.
 */
export const platformServices = [contractConfig, billingConfig, paymentConfig, mailerConfig] as const;

export type ServiceName = (typeof platformServices)[number]['identity']['name'];

export const serviceNames: readonly ServiceName[] = platformServices.map((service) => service.identity.name);

export const serviceIdentities = Object.fromEntries(platformServices.map((service) => [service.identity.name, service.identity])) as Record<
  ServiceName,
  ServiceIdentity<ServiceName>
>;
