import { describeError } from './error-description';

describe('describeError', () => {
  it('when a query wrapper carries SQL and parameters, then only the database error code and message remain', () => {
    const databaseError = Object.assign(new Error('duplicate key value violates unique constraint "invoices_pkey"'), { code: '23505', severity: 'ERROR' });
    const wrapped = new Error('Failed query: insert into "invoices" ("contract_ref", "iban") values ($1, $2)\nparams: CTR-2026-000001,FR7630006000011234567890189', {
      cause: databaseError,
    });
    const description = describeError(wrapped);
    expect(description).toEqual({ code: '23505', message: 'duplicate key value violates unique constraint "invoices_pkey"' });
    expect(JSON.stringify(description)).not.toMatch(/insert into|FR76|CTR-2026/);
  });

  it('when a query failed without a database error behind it, then its text is not repeated', () => {
    expect(describeError(new Error('Failed query: select * from contracts where iban = $1\nparams: FR76…'))).toEqual({ message: 'A database query failed.' });
  });

  it('when any other error, then its name and message, cut at 500 characters', () => {
    expect(describeError(new TypeError('bad amount'))).toEqual({ message: 'TypeError: bad amount' });
    expect(describeError(new Error('x'.repeat(2_000))).message).toHaveLength(500);
  });
});
