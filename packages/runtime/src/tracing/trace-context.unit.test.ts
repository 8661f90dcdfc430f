import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { contextOfTraceParent, currentTraceParent, isUntracedPath } from './trace-context';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('trace context helpers', () => {
  it('when a traceparent is read back, then it gives the same trace and span, and writing that context gives the same traceparent', () => {
    const restored = contextOfTraceParent(TRACEPARENT);
    expect(trace.getSpanContext(restored)).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', isRemote: true });
    expect(currentTraceParent(restored)).toBe(TRACEPARENT);
  });

  it.each([undefined, null, '', 'not-a-traceparent', '00-00000000000000000000000000000000-b7ad6b7169203331-01'])(
    'when the traceparent is %p, then there is no trace to continue',
    (traceParent) => {
      expect(trace.getSpanContext(contextOfTraceParent(traceParent))).toBeUndefined();
    },
  );

  it('when no span is active, then there is no traceparent to store', () => {
    expect(currentTraceParent(ROOT_CONTEXT)).toBeUndefined();
    expect(currentTraceParent(context.active())).toBeUndefined();
  });

  it('when a path is a probe or the metrics scrape, then it goes untraced; the API does not', () => {
    expect(['/health/live', '/health/ready', '/health/ready?verbose=1', '/metrics', '/metrics?x=1'].filter(isUntracedPath)).toHaveLength(5);
    expect(['/v1/operations', '/v1/metrics-report', '/healthy', '/docs'].filter(isUntracedPath)).toEqual([]);
  });
});
