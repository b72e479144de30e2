// GET /api/health: what this proxy offers, so the app can discover it; needs no token.
import type { H3Event } from 'h3';
import type { ProxyContext } from '../context.ts';
import { bearerToken } from '../http/auth.ts';
import { jsonResponse } from '../http/errors.ts';
import type { LimitsHealth } from '../limits/index.ts';

/** The health document's shape (the proxy's public contract). */
export interface HealthBody {
  ok: true;
  version: string;
  demo: boolean;
  auth: { required: boolean; authorized: boolean };
  llm: { provider: 'gemini'; models: readonly string[]; defaultModel: string } | null;
  stt: { provider: 'runpod' } | null;
  /** Where this server serves model files (MODELS_DIR), so the app can load its voice from here. */
  models: { baseUrl: '/models/' } | null;
  /** Request budgets and where they are kept; with Redis, whether it can be reached right now. */
  limits: LimitsHealth;
}

/** Answers the health document; `authorized` tells the app whether its stored token works. */
export function healthHandler(ctx: ProxyContext) {
  return (event: H3Event): Response => {
    const { gemini, runpod, demo } = ctx.config;
    const body: HealthBody = {
      ok: true,
      version: ctx.version,
      demo,
      auth: { required: ctx.tokens.required, authorized: ctx.tokens.accepts(bearerToken(event.req.headers.get('authorization'))) },
      llm: gemini ? { provider: 'gemini', models: gemini.models, defaultModel: gemini.defaultModel } : null,
      stt: runpod ? { provider: 'runpod' } : null,
      models: ctx.config.modelsDir ? { baseUrl: '/models/' } : null,
      limits: ctx.limits.health(),
    };
    return jsonResponse(body);
  };
}
