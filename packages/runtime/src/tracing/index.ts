export { activeTraceIds, contextOfTraceParent, currentTraceParent, failSpan, inSpan, isUntracedPath, tracer, TRACEPARENT_HEADER, untraced, type SpanOptions } from './trace-context';
export { startTracing, type Tracing, type TracingSettings } from './start-tracing';
