import path from 'node:path';
import type { ServiceDefinition } from '@boissipay/runtime';
import * as schema from './infra/schema';

const serviceRoot = path.resolve(__dirname, '..');

export const definition: ServiceDefinition<typeof schema> = {
  name: 'contract-service',
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'contract.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
};
