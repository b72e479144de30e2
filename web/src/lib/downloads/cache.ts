// Whether a model's files are already stored on this device: transformers.js (and kokoro-js through it) keeps every
// file it downloads in Cache Storage under 'transformers-cache', keyed by its URL (this server's /models/ or Hugging Face).

/** The Cache Storage cache transformers.js 3 writes model files to. */
export const TRANSFORMERS_CACHE = 'transformers-cache';

/** True when every one of `files` (paths inside the model, e.g. `onnx/encoder_model.onnx`) of `modelId` is stored. */
export async function isModelCached(modelId: string, files: readonly string[], storage: CacheStorage | undefined = globalThis.caches): Promise<boolean> {
  // Warning: `caches.open` creates the cache it opens; check first so a look does not leave an empty one behind.
  if (!storage || !(await storage.has(TRANSFORMERS_CACHE))) return false;
  const paths = (await (await storage.open(TRANSFORMERS_CACHE)).keys()).map((request) => new URL(request.url).pathname);
  return files.every((file) => paths.some((path) => path.endsWith(`/${modelId}/${file}`) || path.endsWith(`/${modelId}/resolve/main/${file}`)));
}
