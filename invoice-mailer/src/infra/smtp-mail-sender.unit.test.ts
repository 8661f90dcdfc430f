import { classifySmtpError } from './smtp-mail-sender';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('classifySmtpError', () => {
  it('when the server cannot be reached, then the failure is transient', () => {
    expect(classifySmtpError(smtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:1' }))).toEqual({
      kind: 'transient',
      reason: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(classifySmtpError(smtpError({ code: 'ETIMEDOUT', message: 'Greeting never received' })).kind).toBe('transient');
  });

  it('when the server answers 4xx, then the failure is transient; when 5xx, permanent', () => {
    expect(classifySmtpError(smtpError({ code: 'EENVELOPE', responseCode: 451, response: '451 4.3.0 try again later' }))).toEqual({
      kind: 'transient',
      reason: 'EENVELOPE: 451 4.3.0 try again later',
    });
    expect(classifySmtpError(smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 no such user' }))).toEqual({
      kind: 'permanent',
      reason: 'EENVELOPE: 550 5.1.1 no such user',
    });
    expect(classifySmtpError(smtpError({ code: 'EMESSAGE', responseCode: 554, response: '554 rejected' })).kind).toBe('permanent');
  });

  it('when the credentials are refused, then the failure is transient: a configuration to fix, not a bad invoice', () => {
    expect(classifySmtpError(smtpError({ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 bad credentials' })).kind).toBe('transient');
  });

  it('when no recipient address is usable, then the failure is permanent', () => {
    expect(classifySmtpError(smtpError({ code: 'EENVELOPE', message: 'No recipients defined' })).kind).toBe('permanent');
  });
});
