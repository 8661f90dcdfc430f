import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { suppressTracing, W3CTraceContextPropagator } from '@opentelemetry/core';

/** W3C Trace Context: the header a trace travels in, over HTTP and in Kafka message headers alike. */
export const TRACEPARENT_HEADER = 'traceparent';

/**
 * The W3C propagator itself rather than the global one: the outbox and the consumers carry the
 * trace whether or not a tracing SDK was registered in this process (tests register their own).
 */
const w3c = new W3CTraceContextPropagator();

// Probes and scrapes every few seconds would bury the traces worth reading.
const UNTRACED_PATH = /^\/(health(\/|\?|$)|metrics(\?|$))/;

/** Whether requests to this path (or URL) go untraced: the health probes and the metrics scrapes. */
export function isUntracedPath(path: string): boolean {
  return UNTRACED_PATH.test(path);
}

/** The tracer of the platform's own spans (outbox publish, consumer, background work). */
export const tracer = trace.getTracer('boissipay');

/** The `traceparent` of the active span (or of `from`), to store with work done later elsewhere; undefined outside any trace. */
export function currentTraceParent(from: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  w3c.inject(from, carrier, { set: (target, key, value) => void (target[key] = value) });
  return carrier[TRACEPARENT_HEADER];
}

/** The context a stored or received `traceparent` continues; the root context when there is none (or it is malformed). */
export function contextOfTraceParent(traceParent: string | null | undefined): Context {
  if (!traceParent) return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, { [TRACEPARENT_HEADER]: traceParent }, { get: (carrier, key) => carrier[key], keys: (carrier) => Object.keys(carrier) });
}

/** The ids of the active span, for log lines; undefined outside any span. */
export function activeTraceIds(): { trace_id: string; span_id: string } | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return undefined;
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** Parent context: the active one by default. */
  parent?: Context;
}

/**
 * Runs `work` inside a new active span: what it logs, queries and enqueues belongs to that
 * span's trace. A thrown error marks the span failed and is rethrown; `work` may mark a
 * handled failure itself through the span it is given.
 */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const { parent = context.active(), kind = SpanKind.INTERNAL, attributes } = options;
  return tracer.startActiveSpan(name, { kind, ...(attributes ? { attributes } : {}) }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs a Kafka send without the kafkajs instrumentation's producer spans: it would replace each
 * message's `traceparent` by one of its own, child of whatever the sender is doing (the relay's
 * batch), and the consumers would lose the trace that caused the event (ADR 0016).
 */
export function untraced<T>(send: () => Promise<T>): Promise<T> {
  return context.with(suppressTracing(context.active()), send);
}
