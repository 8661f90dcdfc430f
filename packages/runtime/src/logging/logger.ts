import pino, { type DestinationStream, type Logger } from 'pino';
import { activeTraceIds } from '../tracing/trace-context';
import { currentCorrelationId } from './correlation';

export type { Logger } from 'pino';

/**
 * Structured JSON logs; every line written inside a correlated context carries its id, and
 * every line written inside a span its `trace_id` and `span_id` (the trace backend finds them).
 */
export function createLogger(options: { service: string; level?: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return { ...(correlationId ? { correlationId } : {}), ...activeTraceIds() };
      },
      redact: { paths: ['req.headers.authorization', '*.iban', '*.password'], censor: '[redacted]' },
    },
    options.destination ?? pino.destination(1),
  );
}
