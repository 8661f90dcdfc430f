import { ROOT_CONTEXT, SpanKind, trace, type Span } from '@opentelemetry/api';
import type { OutboxRow } from '../../db/outbox.table';
import { contextOfTraceParent, currentTraceParent, tracer, TRACEPARENT_HEADER } from '../../tracing/trace-context';

/**
 * The span of one event's publication, a child of the work that enqueued it (the `traceparent`
 * stored with the row), however much later the relay runs. None for a row enqueued outside any
 * trace: the relay's own rounds are not traced, as they would make a trace per poll.
 */
export function startPublishSpan(row: OutboxRow, kafkaTopic: string): Span | undefined {
  const parent = row.headers[TRACEPARENT_HEADER];
  if (!parent) return undefined;
  return tracer.startSpan(
    `publish ${row.topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': kafkaTopic,
        'messaging.message.id': row.eventId,
        'messaging.kafka.message.key': row.messageKey,
      },
    },
    contextOfTraceParent(parent),
  );
}

/** The row's headers, with the publish span as the consumer's parent. */
export function headersWithin(row: OutboxRow, span: Span | undefined): Record<string, string> {
  const traceParent = span && currentTraceParent(trace.setSpan(ROOT_CONTEXT, span));
  return traceParent ? { ...row.headers, [TRACEPARENT_HEADER]: traceParent } : row.headers;
}
