import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '../tracing';
import { waitFor } from './wait-for';

export interface RecordedSpans {
  /** Every span ended so far, in the order they ended. */
  all(): ReadableSpan[];
  /** Waits until a span matching `accept` has ended, and returns it. */
  waitFor(description: string, accept: (span: ReadableSpan) => boolean): Promise<ReadableSpan>;
}

let recorded: RecordedSpans | undefined;

/**
 * Registers, once per test file (Jest gives each its own globals), the tracer provider of the
 * services started in it, its spans kept in memory: as `runServiceMain` does for a process,
 * without an OTLP endpoint, and without the instrumentations (Jest loads modules its own way):
 * what is recorded is the platform's own spans.
 */
export function recordSpans(): RecordedSpans {
  if (recorded) return recorded;
  const exporter = new InMemorySpanExporter();
  startTracing({ serviceName: 'tests', endpoint: '', samplerRatio: 1, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  recorded = {
    all: () => exporter.getFinishedSpans(),
    waitFor: (description, accept) => waitFor(async () => exporter.getFinishedSpans().find(accept), { timeoutMs: 45_000, description }),
  };
  return recorded;
}
