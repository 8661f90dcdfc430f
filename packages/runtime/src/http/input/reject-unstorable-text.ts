import type { RequestHandler } from 'express';
import { ApiError } from '../errors/api-error';

// NUL cannot be stored in PostgreSQL text; a lone UTF-16 surrogate cannot be encoded as UTF-8.
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses, with a 400, text no database column can hold, wherever it comes: a path segment, a
 * query value, or a string anywhere in the JSON body. Run after validation, so that the token
 * is checked first and only well-formed requests are scanned.
 */
export const rejectUnstorableText: RequestHandler = (req, _res, next) => {
  const url = new URL(req.originalUrl, 'http://localhost');
  for (const segment of url.pathname.split('/')) {
    if (UNSTORABLE.test(decoded(segment))) throw unstorable('path');
  }
  for (const [name, value] of url.searchParams) {
    if (UNSTORABLE.test(name) || UNSTORABLE.test(value)) throw unstorable(`query parameter ${name}`);
  }
  const where = findUnstorable(req.body, 'body');
  if (where) throw unstorable(where);
  next();
};

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function findUnstorable(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorable(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return `${path} key`;
      const found = findUnstorable(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

function unstorable(where: string): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', `The ${where} holds a NUL character or a lone UTF-16 surrogate, which no text can store.`);
}
