export { authSettingsFromConfig, type AuthSettings } from './auth/auth-settings';
export { createTokenVerifier, InvalidTokenError, signAccessToken, type AccessTokenClaims, type Principal, type SigningKey, type TokenVerifier } from './auth/jwt';
export { principalOf } from './auth/principal';
export { createHttpApp, type HttpAppOptions } from './create-http-app';
export { ApiError } from './errors/api-error';
export type { ErrorCode, StandardErrorCode } from './errors/error-codes';
export { buildErrorResponse, type ErrorEntry, type ErrorEntryInput, type ErrorResponse } from './errors/error-response';
export type { ReadinessCheck } from './health/readiness';
export { startHttpServer, type RunningHttpServer } from './http-server';
