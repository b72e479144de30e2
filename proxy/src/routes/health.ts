// GET /api/health: what this proxy offers, so the app can discover it; needs no token.
import type { H3Event } from 'h3';
import type { LlmProviderId, ProxyConfig } from '../config/index.ts';
import type { ProxyContext } from '../context.ts';
import { bearerToken } from '../http/auth.ts';
import { jsonResponse } from '../http/errors.ts';
import type { LimitsHealth } from '../limits/index.ts';

/** One configured LLM provider and its models. */
export interface LlmOffer {
  provider: LlmProviderId;
  models: readonly string[];
  defaultModel: string;
}

/** The LLM part of health: the default provider's offer at the top (what older apps read), every provider in `providers`. */
export type LlmHealth = LlmOffer & { providers: readonly LlmOffer[] };

/** The health document's shape (the proxy's public contract). */
export interface HealthBody {
  ok: true;
  version: string;
  demo: boolean;
  auth: { required: boolean; authorized: boolean };
  llm: LlmHealth | null;
  stt: { provider: 'runpod' } | null;
  /** Where this server serves model files (MODELS_DIR), so the app can load its voice from here. */
  models: { baseUrl: '/models/' } | null;
  /** Request budgets and where they are kept; with Redis, whether it can be reached right now. */
  limits: LimitsHealth;
}

/** Answers the health document; `authorized` tells the app whether its stored token works. */
export function healthHandler(ctx: ProxyContext) {
  return (event: H3Event): Response => {
    const { runpod, demo } = ctx.config;
    const body: HealthBody = {
      ok: true,
      version: ctx.version,
      demo,
      auth: { required: ctx.tokens.required, authorized: ctx.tokens.accepts(bearerToken(event.req.headers.get('authorization'))) },
      llm: llmHealth(ctx.config),
      stt: runpod ? { provider: 'runpod' } : null,
      models: ctx.config.modelsDir ? { baseUrl: '/models/' } : null,
      limits: ctx.limits.health(),
    };
    return jsonResponse(body);
  };
}

/** Every configured provider, the default one first. */
export function llmHealth(config: ProxyConfig): LlmHealth | null {
  const offers: LlmOffer[] = [];
  if (config.gemini) offers.push({ provider: 'gemini', models: config.gemini.models, defaultModel: config.gemini.defaultModel });
  if (config.openai) offers.push({ provider: 'openai', models: config.openai.models, defaultModel: config.openai.defaultModel });
  const first = offers.find((offer) => offer.provider === config.llmProvider) ?? offers[0];
  if (!first) return null;
  return { ...first, providers: [first, ...offers.filter((offer) => offer !== first)] };
}
