import { ConfigError, loadConfig, type ServiceConfig } from '../config';
import { startTracing, type Tracing } from '../tracing';
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
  const tracing = startServiceTracing(definition.config);
  startService(definition).then(
    (service) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        service.context.logger.info({ signal }, 'stopping');
        service.stop().then(
          // The spans of the drain are exported too; a collector that is down does not hold the exit.
          () => flushed(tracing).then(() => process.exit(0)),
          () => flushed(tracing).then(() => process.exit(1)),
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

/** Before anything traced runs. A configuration error is left to startService, which reports it as any other. */
function startServiceTracing(serviceConfig: ServiceConfig): Tracing | undefined {
  let config: ReturnType<typeof loadConfig<ServiceConfig>>;
  try {
    config = loadConfig(serviceConfig);
  } catch {
    return undefined;
  }
  return startTracing({ serviceName: serviceConfig.identity.name, endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, samplerRatio: config.OTEL_TRACES_SAMPLER_RATIO });
}

const FLUSH_TIMEOUT_MS = 3_000;

function flushed(tracing: Tracing | undefined): Promise<void> {
  if (!tracing) return Promise.resolve();
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, FLUSH_TIMEOUT_MS).unref());
  return Promise.race([tracing.shutdown().catch(() => undefined), timeout]);
}
