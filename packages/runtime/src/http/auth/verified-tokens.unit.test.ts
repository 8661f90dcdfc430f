import { createTokenVerifier, InvalidTokenError, signAccessToken } from './jwt';

const secret = 'verified-tokens-unit-test-secret-0123';

describe('tokens already verified', () => {
  afterEach(() => jest.useRealTimers());

  it('when the same token comes again, then it gives the same principal', async () => {
    const verify = createTokenVerifier({ jwtSecret: secret });
    const token = await signAccessToken({ secret }, { subject: 'sales', scopes: ['operations:write'], ttlSeconds: 600, customers: ['C1'] });
    const first = await verify(token);
    expect(await verify(token)).toEqual(first);
    expect(first).toEqual({ subject: 'sales', scopes: ['operations:write'], customers: ['C1'] });
  });

  it('when a remembered token expires, then it is refused although it was accepted a moment earlier', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const verify = createTokenVerifier({ jwtSecret: secret });
    const token = await signAccessToken({ secret }, { subject: 'sales', scopes: ['operations:write'], ttlSeconds: 10 });
    await expect(verify(token)).resolves.toMatchObject({ subject: 'sales' });
    // Past its exp and the clock tolerance, well within the minute a verified token may be remembered.
    jest.setSystemTime(Date.now() + 30_000);
    await expect(verify(token)).rejects.toThrow(InvalidTokenError);
    await expect(verify(token)).rejects.toThrow(/expired/);
  });

  it('when a token fails, then another token is still verified on its own', async () => {
    const verify = createTokenVerifier({ jwtSecret: secret });
    const forged = await signAccessToken({ secret: 'another-secret-of-enough-length-0123' }, { subject: 'sales', scopes: ['operations:write'], ttlSeconds: 600 });
    await expect(verify(forged)).rejects.toThrow(InvalidTokenError);
    await expect(verify(forged)).rejects.toThrow(InvalidTokenError);
  });
});
