import type { Request } from 'express';

/** The path the client called, without its query string (which may hold anything). */
export function requestPath(req: Request): string {
  return req.originalUrl.split('?')[0] ?? '/';
}
