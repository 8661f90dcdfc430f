/**
 * Preloaded before a service's main module (`node --import tsx --import <this file>`, see
 * scripts/service-process.ts and the Dockerfile): the instrumentations patch http, express, pg
 * and kafkajs as they are first required, so they must be registered before anything requires
 * them. They report to the global tracer provider, which `runServiceMain` registers once the
 * service's configuration is read (until then their spans are no-ops). Without this preload
 * the platform's own spans (outbox, consumers, background work, requests) still link the
 * services into one trace; the preload adds the detail (routes, middleware, SQL, Kafka calls).
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { isUntracedPath } from './trace-context';

registerInstrumentations({
  instrumentations: [
    // Outgoing calls (the schema registry) only within a traced piece of work, not at start-up.
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => isUntracedPath(request.url ?? ''), requireParentforOutgoingSpans: true }),
    // Routers and handlers, not each of the dozen middlewares every request passes (parsers, validation, auth):
    // a span apiece would multiply the cost of tracing for little to read.
    // Nor the documentation, metrics and probe routers every request passes on its way to the API.
    new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE], ignoreLayers: [/^router - \/(openapi\.json|metrics|health\/live)$/] }),
    // Only SQL that is part of a traced piece of work: the loops polling for due work would otherwise make a trace per poll.
    // Connections come from the pool: a span per checkout says nothing the query spans do not.
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
    new KafkaJsInstrumentation(),
  ],
});
