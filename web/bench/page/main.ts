// Benchmark page: exposes the real extraction path to the Playwright driver in bench/documents.ts.
import { extractDocument, warmPdfReader } from '../../src/lib/documents/index.ts';

/** What the driver calls inside the page. */
export interface DocumentsBenchApi {
  /** Fetches a fixture, then times only its extraction. */
  extract(url: string): Promise<{ ms: number; ok: boolean; words: number }>;
  warm(): Promise<void>;
}

const api: DocumentsBenchApi = {
  async extract(url) {
    const blob = await (await fetch(url)).blob();
    const started = performance.now();
    const outcome = await extractDocument(blob);
    const ms = performance.now() - started;
    return { ms, ok: outcome.ok, words: outcome.ok ? outcome.document.text.split(/\s+/).filter(Boolean).length : 0 };
  },
  warm: () => warmPdfReader(),
};

(window as unknown as { xquizitBench: DocumentsBenchApi }).xquizitBench = api;
