import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningHttpServer {
  /** The bound port: the one asked for, or the one the OS picked for port 0. */
  port: number;
  /** Stops accepting connections and resolves once in-flight requests are done. */
  close(): Promise<void>;
}

// Requests still running after this are cut so a stuck client cannot block a shutdown.
const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export function startHttpServer(app: RequestListener, port: number, options: { host?: string; shutdownGraceMs?: number } = {}): Promise<RunningHttpServer> {
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((closed, failed) => {
            const force = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS).unref();
            server.close((error) => {
              clearTimeout(force);
              if (error) failed(error);
              else closed();
            });
            // Idle keep-alive sockets would otherwise hold close() open until they time out.
            server.closeIdleConnections();
          }),
      });
    });
  });
}
