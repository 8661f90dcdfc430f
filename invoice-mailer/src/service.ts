import path from 'node:path';
import type { ServiceDefinition } from '@boissipay/runtime';
import * as schema from './infra/schema';

const serviceRoot = path.resolve(__dirname, '..');

export const definition: ServiceDefinition<typeof schema> = {
  name: 'invoice-mailer',
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'mailer.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
};
