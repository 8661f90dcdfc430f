import { signAccessToken } from '@boissipay/runtime';
import { type ServiceName } from '../platform';

const ALL_SCOPES = [
  'contracts:read',
  'contracts:write',
  'operations:read',
  'operations:write',
  'invoices:read',
  'billing:run',
  'payments:read',
  'payments:operate',
  'deliveries:operate',
  'invoices:credit',
];

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface PlatformClient {
  get<T = Record<string, unknown>>(service: ServiceName, path: string): Promise<ApiResponse<T>>;
  post<T = Record<string, unknown>>(service: ServiceName, path: string, body?: unknown): Promise<ApiResponse<T>>;
}

/**
 * Calls the platform's public REST APIs the way another information system would: over
 * HTTP with a bearer token (HS256, signed with the platform's AUTH_JWT_SECRET).
 */
export function platformClient(baseUrlOf: (service: ServiceName) => string, jwtSecret: string): PlatformClient {
  let token: Promise<string> | undefined;
  const bearer = () => (token ??= signAccessToken({ secret: jwtSecret }, { subject: 'demo', scopes: ALL_SCOPES, ttlSeconds: 3600 }));

  async function call<T>(service: ServiceName, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const send = async () =>
      fetch(`${baseUrlOf(service)}${path}`, {
        method,
        headers: { authorization: `Bearer ${await bearer()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A GET is sent again once when its connection was reset: a kept-alive connection to a
    // service that was killed and started again on the same port. It reads, so sending it twice is harmless.
    const response = await send().catch((error: unknown) => {
      if (method === 'GET' && connectionResetIn(error)) return send();
      throw error;
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  return {
    get: (service, path) => call(service, 'GET', path),
    post: (service, path, body = {}) => call(service, 'POST', path, body),
  };
}

function connectionResetIn(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET';
}

/** Polls until `probe` returns something, for state that other services reach through Kafka. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
