/**
 * Preloaded before a service's main module (`node --import tsx --import <this file>`, see
 * scripts/service-process.ts and the Dockerfile): the instrumentations patch http, pg and
 * kafkajs as they are first required, so they must be registered before anything requires
 * them. They report to the global tracer provider, which `runServiceMain` registers once the
 * service's configuration is read (until then their spans are no-ops). Without this preload
 * the platform's own spans (outbox, consumers, background work, requests) still link the
 * services into one trace; the preload adds the detail (SQL, Kafka calls, outgoing HTTP).
 *
 * Incoming requests are not instrumented here: the HTTP app's own middleware opens one SERVER
 * span per request, continuing the caller's `traceparent` and named after the spec's route
 * (http/middleware/request-span.ts). The http instrumentation's incoming span and the express
 * instrumentation's router and handler spans told nothing more and cost a fifth of the CPU of a
 * purchase when tracing (docs/adr/0028). A span per SQL statement is opt-in (OTEL_SQL_SPANS=true):
 * on the purchase path the pg instrumentation cost more than every other span together.
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { commonVariables } from '../config/common-variables';

registerInstrumentations({
  instrumentations: [
    // Outgoing calls (the schema registry) only within a traced piece of work, not at start-up.
    new HttpInstrumentation({ disableIncomingRequestInstrumentation: true, requireParentforOutgoingSpans: true }),
    // Only SQL that is part of a traced piece of work: the loops polling for due work would otherwise make a trace per poll.
    // Connections come from the pool: a span per checkout says nothing the query spans do not.
    ...(sqlSpans() ? [new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true })] : []),
    new KafkaJsInstrumentation(),
  ],
});

/** OTEL_SQL_SPANS, read before the configuration is: an invalid value counts as the default here, and stops start-up when the configuration is loaded. */
function sqlSpans(): boolean {
  const spec = commonVariables.OTEL_SQL_SPANS;
  const parsed = spec.schema.safeParse(process.env.OTEL_SQL_SPANS ?? spec.default);
  return parsed.success && parsed.data;
}
