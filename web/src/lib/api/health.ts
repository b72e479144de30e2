// GET /api/health: the schema of what the proxy says it can do, its pure parser, and the fetcher.
// The app discovers from this which LLM / speech-to-text it may use and whether it needs a token.
import * as v from 'valibot';
import type { ApiFetch } from './client.ts';
import { ApiError, UNEXPECTED_RESPONSE } from './errors.ts';
import { readJsonOrThrow } from './client.ts';

/** One LLM provider the server offers; `provider` may be one this version of the app does not know. */
const LlmOfferSchema = v.object({
  provider: v.string(),
  models: v.array(v.string()),
  defaultModel: v.string(),
});

/** Valibot schema of the /api/health body (unknown extra keys are dropped). */
export const HealthSchema = v.object({
  ok: v.literal(true),
  version: v.string(),
  // Not in every proxy version's contract: absent means "not a demo".
  demo: v.optional(v.boolean(), false),
  auth: v.object({
    required: v.boolean(),
    authorized: v.boolean(),
  }),
  // The default provider's offer at the top; `providers` (absent from older proxies) lists every one, the default first.
  // Warning: a provider the app does not know must not fail the parse (a newer proxy behind a cached app); the app
  // offers only those it knows and says so when there are none.
  llm: v.nullable(
    v.pipe(
      v.object({ ...LlmOfferSchema.entries, providers: v.optional(v.array(LlmOfferSchema)) }),
      v.transform(({ providers, ...top }) => ({ ...top, providers: providers && providers.length > 0 ? providers : [top] })),
    ),
  ),
  stt: v.nullable(
    v.object({
      provider: v.literal('runpod'),
    }),
  ),
  // Set when the proxy serves MODELS_DIR; older proxies do not send it (no models served).
  models: v.optional(v.nullable(v.object({ baseUrl: v.literal('/models/') })), null),
});

/** What the proxy reports about itself. */
export type Health = v.InferOutput<typeof HealthSchema>;

/** The outcome of parsing a health body: the typed value, or a readable reason. */
export type HealthParseResult = { ok: true; health: Health } | { ok: false; reason: string };

/** Validates an untrusted /api/health body. */
export function parseHealth(body: unknown): HealthParseResult {
  const result = v.safeParse(HealthSchema, body);
  if (result.success) return { ok: true, health: result.output };
  const reason = result.issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
  return { ok: false, reason };
}

/** Fetches and validates /api/health; `token` overrides the stored token (to try one before saving it). */
export async function fetchHealth(apiFetch: ApiFetch, options: { token?: string | null; signal?: AbortSignal } = {}): Promise<Health> {
  const response = await apiFetch('/api/health', { method: 'GET', cache: 'no-store', ...options });
  const parsed = parseHealth(await readJsonOrThrow(response));
  if (!parsed.ok) {
    throw new ApiError(response.status, UNEXPECTED_RESPONSE, `The server's health report is not one this app understands (${parsed.reason}).`);
  }
  return parsed.health;
}
