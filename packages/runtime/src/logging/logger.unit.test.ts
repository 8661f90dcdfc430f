import { Writable } from 'node:stream';
import { startTracing, tracer } from '../tracing';
import { runWithCorrelationId } from './correlation';
import { createLogger } from './logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'billing-service', level: 'info', destination }) };
}

describe('createLogger', () => {
  it('when logging inside a correlation context, then each line carries the service, level name and correlation id', () => {
    const { lines, logger } = capture();
    runWithCorrelationId('corr-42', () => logger.info({ contractRef: 'CTR-1' }, 'purchase accepted'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ service: 'billing-service', level: 'info', correlationId: 'corr-42', contractRef: 'CTR-1', msg: 'purchase accepted' });
    expect(lines[1]).not.toHaveProperty('correlationId');
  });

  it('when logging inside a span, then each line carries its trace_id and span_id; outside any span, neither', () => {
    const tracing = startTracing({ serviceName: 'billing-service', endpoint: '', samplerRatio: 1 });
    const { lines, logger } = capture();
    const ids = tracer.startActiveSpan('work', (span) => {
      logger.info('inside');
      span.end();
      return span.spanContext();
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId });
    expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[1]).not.toHaveProperty('trace_id');
    expect(lines[1]).not.toHaveProperty('span_id');
    return tracing.shutdown();
  });

  it('when no id is given, then a fresh one is made for the context', () => {
    const { lines, logger } = capture();
    runWithCorrelationId(undefined, () => logger.info('work'));
    expect(lines[0]?.correlationId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
  });

  it('when a line holds credentials or an IBAN, then they are redacted', () => {
    const { lines, logger } = capture();
    logger.info({ req: { headers: { authorization: 'Bearer abc' } }, mandate: { iban: 'FR7630006000011234567890189' } }, 'request');
    expect(JSON.stringify(lines[0])).not.toContain('Bearer abc');
    expect(JSON.stringify(lines[0])).not.toContain('FR76');
  });
});
