/**
 * The WWW-Authenticate value of RFC 6750 §3: no error code when no credentials were sent,
 * `invalid_token` when they were unusable, `insufficient_scope` when valid but too weak.
 */
export function bearerChallenge(status: number, credentialsSent: boolean): string | undefined {
  if (status === 401) return credentialsSent ? 'Bearer error="invalid_token"' : 'Bearer';
  if (status === 403) return 'Bearer error="insufficient_scope"';
  return undefined;
}
