import { isInfrastructureFailure } from './infrastructure-failure';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isInfrastructureFailure', () => {
  it('when the database is unreachable, restarting or asks for a retry, then it is an outage, not a bad message', () => {
    expect(isInfrastructureFailure(withCode('ECONNREFUSED'))).toBe(true);
    expect(isInfrastructureFailure(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isInfrastructureFailure(withCode('08006'))).toBe(true);
    expect(isInfrastructureFailure(withCode('40001'))).toBe(true);
    expect(isInfrastructureFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isInfrastructureFailure(new Error('query failed', { cause: withCode('ECONNRESET') }))).toBe(true);
  });

  it('when the handler or the data is wrong, then it is not an outage', () => {
    expect(isInfrastructureFailure(withCode('23505', 'duplicate key value'))).toBe(false);
    expect(isInfrastructureFailure(withCode('22P02', 'invalid input syntax for type uuid'))).toBe(false);
    expect(isInfrastructureFailure(new TypeError("Cannot read properties of undefined (reading 'status')"))).toBe(false);
    expect(isInfrastructureFailure('not even an error')).toBe(false);
  });
});
