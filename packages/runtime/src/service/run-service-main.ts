import { ConfigError, type ServiceConfig } from '../config';
import type { ServiceDefinition, ServiceParts } from './service-definition';
import { startService } from './start-service';

/**
 * The body of every service's main.ts: start, then drain on SIGTERM/SIGINT (docker stop,
 * Ctrl-C). A configuration error is printed as it is — it names the variables to fix —
 * and the process exits non-zero without a stack trace.
 */
export function runServiceMain<TConfig extends ServiceConfig, TSchema extends Record<string, unknown>, TParts extends ServiceParts<TSchema>>(
  definition: ServiceDefinition<TConfig, TSchema, TParts>,
): void {
  const name = definition.config.identity.name;
  startService(definition).then(
    (service) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        service.context.logger.info({ signal }, 'stopping');
        service.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
    },
    (error: unknown) => {
      if (error instanceof ConfigError) console.error(`${name}: ${error.message}`);
      else console.error(`${name} failed to start:`, error);
      process.exit(1);
    },
  );
}
