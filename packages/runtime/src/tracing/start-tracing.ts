import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingSettings {
  /** `service.name` of every span: the service's own name (its config identity). */
  serviceName: string;
  /** OTLP/HTTP base URL of the collector (e.g. http://jaeger:4318); empty: nothing is exported. */
  endpoint: string;
  /** Share of new traces recorded (0 to 1); a trace started elsewhere keeps its caller's decision. */
  samplerRatio: number;
  /** Where spans go instead of (tests, benchmarks) or besides the OTLP exporter. */
  spanProcessors?: SpanProcessor[];
}

export interface Tracing {
  /** Exports what is buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Registers the process-wide tracer provider: the instrumentations preloaded by
 * `instrument.ts` and the platform's own spans report to it from now on. Without an endpoint
 * spans still exist, so trace ids reach the log lines and the Kafka headers, but nothing
 * leaves the process. One provider per process: call it once, from the process's entry point.
 */
export function startTracing(settings: TracingSettings): Tracing {
  const exporting: SpanProcessor[] = settings.endpoint
    ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${settings.endpoint.replace(/\/+$/, '')}/v1/traces` }))]
    : [];
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.samplerRatio) }),
    spanProcessors: [...exporting, ...(settings.spanProcessors ?? [])],
  });
  // The AsyncLocalStorage context manager and the W3C propagator, process-wide.
  provider.register();
  return { shutdown: () => provider.shutdown() };
}
