import type { Response } from 'supertest';

/** Asserts an ErrorResponse of `status` whose first entry has `errorCode`. */
export function expectError(response: Response, status: number, errorCode: string): void {
  expect({ status: response.status, errorCode: response.body?.errors?.[0]?.errorCode }).toEqual({ status, errorCode });
  expect(response.body).toEqual({
    errors: expect.arrayContaining([expect.objectContaining({ status, errorCode: expect.any(String), message: expect.any(String) })]),
    correlationId: response.headers['x-correlation-id'],
  });
}
