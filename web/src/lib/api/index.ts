// Public face of the /api client: typed errors, the token-aware fetch and the health report.
export { ApiError, apiErrorFromBody, isUnauthorized, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './errors.ts';
export { createApiFetch, readJsonOrThrow, type ApiClientOptions, type ApiFetch, type ApiRequestInit } from './client.ts';
export { fetchHealth, HealthSchema, parseHealth, type Health, type HealthParseResult } from './health.ts';
