// Pure wording of the server status: what the health report means for the person using the app.
// Components only render these strings; every decision about them is here and table-tested.
import type { Health } from '../api/index.ts';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../api/index.ts';

/** Where access stands: open server, token accepted, none saved, or saved but rejected. */
export type AccessState = 'open' | 'accepted' | 'missing' | 'rejected';

/** The status panel's content, derived from one health report. */
export interface HealthSummary {
  /** The LLM lines, one per offered provider with its default model (e.g. "Gemini · gemini-2.5-flash"), or ["not configured"]. */
  llm: string[];
  /** Whether an LLM is available. */
  llmConfigured: boolean;
  /** The speech-to-text line: what the server offers, and that answers can always be recognized on this device. */
  stt: string;
  /** Whether speech-to-text is available. */
  sttConfigured: boolean;
  /** The access line. */
  access: string;
  /** Machine-readable access state. */
  accessState: AccessState;
  /** Whether the token form must be shown. */
  needsToken: boolean;
  /** Whether the server runs the scripted demo. */
  demo: boolean;
  /** The proxy's version string. */
  version: string;
}

/** Text shown for a capability the server has no keys for. */
export const NOT_CONFIGURED = 'not configured';

/** The speech-to-text line where the server has none: this device still recognizes spoken answers. */
export const STT_ON_DEVICE_ONLY = 'none on this server · spoken answers are recognized on this device';

/** The speech-to-text line's tail where the server has one: the candidate chooses in the microphone setup. */
const OR_ON_DEVICE = ' · or on this device, as chosen in the microphone setup';

const PROVIDER_NAMES: Readonly<Record<string, string>> = { gemini: 'Gemini', openai: 'OpenAI-compatible server', runpod: 'RunPod' };

/** A provider's name for people; one this version does not know is named as the server calls it. */
function providerName(id: string): string {
  return PROVIDER_NAMES[id] ?? `${id} (needs a newer version of the app)`;
}

/** Derives the status panel's content from a health report and whether a token is saved. */
export function summarizeHealth(health: Health, hasToken: boolean): HealthSummary {
  const accessState = accessStateOf(health, hasToken);
  return {
    llm: health.llm ? health.llm.providers.map((offer) => `${providerName(offer.provider)} · ${offer.defaultModel}`) : [NOT_CONFIGURED],
    llmConfigured: health.llm !== null,
    stt: health.stt ? `${providerName(health.stt.provider)}${OR_ON_DEVICE}` : STT_ON_DEVICE_ONLY,
    sttConfigured: health.stt !== null,
    access: ACCESS_TEXT[accessState],
    accessState,
    needsToken: accessState === 'missing' || accessState === 'rejected',
    demo: health.demo,
    version: health.version,
  };
}

const ACCESS_TEXT: Record<AccessState, string> = {
  open: 'open (no token needed)',
  accepted: 'token required · your token is valid',
  missing: 'token required · none saved',
  rejected: 'token required · the saved token was not accepted',
};

function accessStateOf(health: Health, hasToken: boolean): AccessState {
  if (!health.auth.required) return 'open';
  if (health.auth.authorized) return 'accepted';
  return hasToken ? 'rejected' : 'missing';
}

/** Why a health check failed, in the two ways the UI distinguishes. */
export type HealthFailure = { kind: 'unreachable' } | { kind: 'invalid'; message: string };

/** Classifies an error thrown while fetching health: nothing answered, or something odd answered. */
export function classifyHealthFailure(error: unknown): HealthFailure {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return { kind: 'unreachable' };
    // A gateway in front of a stopped proxy answers for it: 502/503/504, or Vite's dev server a bare 500.
    if (error.status === 502 || error.status === 503 || error.status === 504) return { kind: 'unreachable' };
    if (error.status >= 500 && error.code === UNEXPECTED_RESPONSE) return { kind: 'unreachable' };
    return { kind: 'invalid', message: error.message };
  }
  return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
}
