import { context, trace, type Context } from '@opentelemetry/api';
import { contextOfTraceParent, TRACEPARENT_HEADER } from '../../tracing/trace-context';

/**
 * The parent of the span in which a consumed message is handled. When the kafkajs
 * instrumentation is preloaded it has already opened a span for the message, from the same
 * `traceparent` header: nest under it. Otherwise continue the producer's trace from the header
 * (a message without one starts a trace of its own).
 */
export function parentOfMessage(headers: Readonly<Record<string, string>>): { parent: Context; instrumented: boolean } {
  const fromHeader = contextOfTraceParent(headers[TRACEPARENT_HEADER]);
  const produced = trace.getSpanContext(fromHeader);
  const active = trace.getActiveSpan()?.spanContext();
  if (active && trace.isSpanContextValid(active) && (!produced || produced.traceId === active.traceId)) return { parent: context.active(), instrumented: true };
  return { parent: fromHeader, instrumented: false };
}
