import { ApiError } from './api-error';
import { errorFactory } from './error-factory';

describe('errorFactory', () => {
  const sampleError = errorFactory({ SAMPLE_NOT_FOUND: 404, SAMPLE_REFUSED: 409 } as const);

  it('when a service code is raised, then its status is the one of its table', () => {
    const error = sampleError('SAMPLE_REFUSED', 'No.', 'Because.');
    expect(error).toBeInstanceOf(ApiError);
    expect({ status: error.status, errorCode: error.errorCode, message: error.message, detail: error.detail }).toEqual({
      status: 409,
      errorCode: 'SAMPLE_REFUSED',
      message: 'No.',
      detail: 'Because.',
    });
  });

  it('when a standard code is raised, then it keeps the runtime status', () => {
    expect(sampleError('VALIDATION_FAILED', 'Bad.').status).toBe(400);
    expect(sampleError('MALFORMED_JSON', 'Bad JSON.').status).toBe(400);
    expect(sampleError('NOT_FOUND', 'Nothing here.').status).toBe(404);
  });

  it('when a table gives a standard code another status, then the standard status still wins', () => {
    expect(errorFactory({ NOT_FOUND: 410 })('NOT_FOUND', 'Gone.').status).toBe(404);
  });
});
