// Where transformers.js fetches the speech models' files from (Hugging Face or this server's `/models/`), and where
// kokoro-js fetches voices from (always this origin's `/voices/`). Pure: the worker applies the result.
import { assertNever } from '../../common/index.ts';

/** Where the model files come from: Hugging Face, or this server's `/models/` (the proxy's MODELS_DIR). */
export type ModelSource = 'huggingface' | 'this-server';

/** The path on our origin where the proxy serves MODELS_DIR (GET /api/health says `models: { baseUrl: '/models/' }`). */
export const MODELS_BASE_PATH = '/models/';

/** The path on our origin where build/speech-assets.ts serves Kokoro's voices. */
export const VOICES_BASE_PATH = '/voices/';

/** The transformers.js `env` fields a model source decides. */
export interface TransformersSourceSettings {
  allowLocalModels: boolean;
  allowRemoteModels: boolean;
  /** Only read when `allowLocalModels`; an absolute URL, so the worker fetches it over HTTP. */
  localModelPath: string;
}

/** The subset of transformers.js' `env` that `applyModelSource` writes. */
export interface TransformersSourceEnv {
  allowLocalModels: boolean;
  allowRemoteModels: boolean;
  localModelPath: string;
}

/**
 * The transformers.js settings for a source. 'this-server' never falls back to Hugging Face (no silent download from
 * elsewhere); 'huggingface' never asks our server first. Warning: `useBrowserCache` is left alone on purpose: it is on
 * by default in browsers (a second visit loads from Cache Storage with no network) and must stay off in Node.
 */
export function modelSourceSettings(source: ModelSource, origin: string): TransformersSourceSettings {
  const localModelPath = `${trimSlash(origin)}${MODELS_BASE_PATH}`;
  switch (source) {
    case 'this-server':
      return { allowLocalModels: true, allowRemoteModels: false, localModelPath };
    case 'huggingface':
      return { allowLocalModels: false, allowRemoteModels: true, localModelPath };
    default:
      return assertNever(source, 'model source');
  }
}

/** Writes the settings into transformers.js' `env` (the default remote host, huggingface.co, is kept). */
export function applyModelSource(env: TransformersSourceEnv, settings: TransformersSourceSettings): void {
  env.allowLocalModels = settings.allowLocalModels;
  env.allowRemoteModels = settings.allowRemoteModels;
  env.localModelPath = settings.localModelPath;
}

/** Where kokoro-js fetches `<voice>.bin` in the browser (kokoro-js' patched `env.voicesBaseUrl`). */
export function voicesBaseUrl(origin: string): string {
  return `${trimSlash(origin)}${VOICES_BASE_PATH}`;
}

/** Whether the server offers its own model files, from the health document's `models` field. */
export function serverHasModels(models: { baseUrl: string } | null | undefined): boolean {
  return models?.baseUrl === MODELS_BASE_PATH;
}

/** The source to load from for a setting: 'auto' is this server when it serves models, else Hugging Face. */
export function resolveModelSource(choice: ModelSource | 'auto', serverModels: { baseUrl: string } | null | undefined): ModelSource {
  return choice === 'auto' ? (serverHasModels(serverModels) ? 'this-server' : 'huggingface') : choice;
}

function trimSlash(origin: string): string {
  return origin.replace(/\/+$/, '');
}
