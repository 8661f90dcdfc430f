import type { Response } from 'supertest';
import { z } from 'zod';
import { CORRELATION_HEADER } from '../logging';

/** The spec's ErrorResponse, strict: an extra or missing field is a contract break. */
export const errorResponseSchema = z.strictObject({
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

/**
 * Asserts an ErrorResponse of `status` whose every entry has `errorCode`, in the spec's shape
 * and carrying the response's correlation id; returns the body for what a test checks further.
 */
export function expectError(response: Response, status: number, errorCode: string): ErrorBody {
  expect({ status: response.status, errorCode: response.body?.errors?.[0]?.errorCode }).toEqual({ status, errorCode });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = errorResponseSchema.parse(response.body);
  expect(body.correlationId).toBe(response.headers[CORRELATION_HEADER]);
  for (const entry of body.errors) expect({ status: entry.status, errorCode: entry.errorCode }).toEqual({ status, errorCode });
  return body;
}
