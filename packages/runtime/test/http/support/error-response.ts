import type { Response } from 'supertest';
import { z } from 'zod';
import { CORRELATION_HEADER } from '../../../src/logging';

/** The spec's ErrorResponse, strict: an extra or missing field is a contract break. */
const errorResponseSchema = z.strictObject({
  errors: z
    .array(
      z.strictObject({
        path: z.string().startsWith('/'),
        timestamp: z.iso.datetime(),
        errorCode: z.string().regex(/^[A-Z][A-Z_]*$/),
        status: z.number().int().min(400).max(599),
        message: z.string().min(1),
        detail: z.string().optional(),
      }),
    )
    .min(1),
  correlationId: z.string().min(1),
});

export type ErrorBody = z.infer<typeof errorResponseSchema>;

/** Asserts the status, the ErrorResponse shape and its coherence with the headers; returns the body. */
export function expectErrorResponse(response: Response, status: number, errorCode: string): ErrorBody {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = errorResponseSchema.parse(response.body);
  expect(body.correlationId).toBe(response.headers[CORRELATION_HEADER]);
  for (const entry of body.errors) {
    expect(entry.status).toBe(status);
    expect(entry.errorCode).toBe(errorCode);
  }
  return body;
}
