import type { ServiceName } from '@boissipay/runtime';
import { definition as billing } from '../billing-service/src/service';
import { definition as contract } from '../contract-service/src/service';
import { definition as mailer } from '../invoice-mailer/src/service';
import { definition as payment } from '../payment-service/src/service';

/** Every service's definition, for the scripts that act on all of them. */
export const serviceDefinitions = {
  'contract-service': contract,
  'billing-service': billing,
  'payment-service': payment,
  'invoice-mailer': mailer,
} satisfies Record<ServiceName, { migrationsFolder: string }>;
