import net from 'node:net';

/** Resolves when an HTTP GET answers with `expectedStatus`; rejects otherwise. */
export async function expectHttpStatus(url: string, expectedStatus = 200, timeoutMs = 2_000): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  // The body is drained so keep-alive sockets do not keep the CLI process alive.
  await response.arrayBuffer();
  if (response.status !== expectedStatus) {
    throw new Error(`GET ${url} answered ${response.status}, expected ${expectedStatus}`);
  }
}

/** Resolves with the first line the server sends after connecting (e.g. an SMTP greeting). */
export function readBanner(host: string, port: number, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let received = '';
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no banner from ${host}:${port} within ${timeoutMs} ms`)));
    socket.on('error', fail);
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      const lineEnd = received.indexOf('\n');
      if (lineEnd >= 0) {
        socket.end('QUIT\r\n');
        socket.destroy();
        resolve(received.slice(0, lineEnd).trim());
      }
    });
  });
}

/** True when something accepts TCP connections on the port, whatever it is. */
export function isPortOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
