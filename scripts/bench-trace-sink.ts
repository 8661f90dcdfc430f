import { createServer, type Server } from 'node:http';

export interface TraceSink {
  /** The OTLP/HTTP base URL to give a service as OTEL_EXPORTER_OTLP_ENDPOINT. */
  endpoint: string;
  /** Spans received so far. */
  spans(): number;
  stop(): Promise<void>;
}

/**
 * A stand-in collector for benchmarks: accepts OTLP/HTTP JSON exports on /v1/traces, counts
 * their spans and answers 200, so the service under test pays the whole cost of exporting
 * (serialising, batching, HTTP) without a Jaeger to run.
 */
export async function startTraceSink(): Promise<TraceSink> {
  let spans = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: unknown[] }> }> };
        for (const resource of body.resourceSpans ?? []) for (const scope of resource.scopeSpans ?? []) spans += scope.spans?.length ?? 0;
      } catch {
        // Not JSON (a protobuf exporter): accepted all the same, not counted.
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans: () => spans,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
