import * as oidc from 'openid-client';

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface OidcSettings {
  issuer: string;
  /** Where this server reaches the same realm (compose: the keycloak container); empty: the issuer. */
  backchannelUrl?: string;
  clientId: string;
}

/**
 * Keycloak through openid-client: authorization code with PKCE for a public client. The
 * discovery document is fetched from the back channel and its server-to-server endpoints
 * rewritten to it, while the browser keeps the issuer's (login page, logout); the issuer
 * itself stays what the tokens say. Fetched at the first login, not at start-up: the back
 * office serves (and shows its live feed) while Keycloak is still starting.
 */
export function createOidcClient(settings: OidcSettings) {
  const issuer = settings.issuer.replace(/\/+$/, '');
  const backchannel = (settings.backchannelUrl || issuer).replace(/\/+$/, '');
  let configuration: Promise<oidc.Configuration> | undefined;

  async function discover(): Promise<oidc.Configuration> {
    const response = await fetch(`${backchannel}/.well-known/openid-configuration`);
    if (!response.ok) throw new Error(`OpenID discovery answered ${response.status}`);
    const metadata = (await response.json()) as oidc.ServerMetadata;
    const inside = (url: string | undefined) => (url?.startsWith(issuer) ? `${backchannel}${url.slice(issuer.length)}` : url);
    const server: oidc.ServerMetadata = {
      ...metadata,
      token_endpoint: inside(metadata.token_endpoint),
      jwks_uri: inside(metadata.jwks_uri),
      userinfo_endpoint: inside(metadata.userinfo_endpoint),
      revocation_endpoint: inside(metadata.revocation_endpoint),
    };
    const config = new oidc.Configuration(server, settings.clientId, undefined, oidc.None());
    if (backchannel.startsWith('http:') || issuer.startsWith('http:')) oidc.allowInsecureRequests(config);
    return config;
  }

  const config = () => {
    configuration ??= discover().catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };

  const tokenSetOf = (response: oidc.TokenEndpointResponse, previous?: TokenSet): TokenSet => ({
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken,
    idToken: response.id_token ?? previous?.idToken,
    expiresAt: Date.now() + (response.expires_in ?? 60) * 1000,
  });

  return {
    /** A login starts: where to send the browser, and what to keep in the session until it comes back. */
    async startLogin(redirectUri: string): Promise<{ url: string; verifier: string; state: string }> {
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const url = oidc.buildAuthorizationUrl(await config(), {
        redirect_uri: redirectUri,
        scope: 'openid',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      return { url: url.href, verifier, state };
    },

    /** The browser came back with a code: its tokens (state and PKCE checked). */
    async finishLogin(callbackUrl: URL, checks: { verifier: string; state: string }): Promise<TokenSet> {
      const response = await oidc.authorizationCodeGrant(await config(), callbackUrl, { pkceCodeVerifier: checks.verifier, expectedState: checks.state });
      return tokenSetOf(response);
    },

    async refresh(tokens: TokenSet): Promise<TokenSet> {
      if (!tokens.refreshToken) throw new Error('no refresh token');
      return tokenSetOf(await oidc.refreshTokenGrant(await config(), tokens.refreshToken), tokens);
    },

    /** Keycloak's logout page, which ends its own session too and comes back to `returnTo`. */
    async logoutUrl(tokens: TokenSet | undefined, returnTo: string): Promise<string> {
      const parameters: Record<string, string> = { post_logout_redirect_uri: returnTo, client_id: settings.clientId };
      if (tokens?.idToken) parameters.id_token_hint = tokens.idToken;
      return oidc.buildEndSessionUrl(await config(), parameters).href;
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

/** The claims of a JWT, unverified: only to show who is logged in and hide actions; the services verify the token. */
export function unverifiedClaims(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
