// The committed tiny Kokoro stand-in is exactly what scripts/make-tts-test-model.ts makes, so the script cannot rot.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TTS_TEST_MODEL_ID, TTS_TEST_MODELS_DIR, ttsTestModelFiles } from '../../../../scripts/make-tts-test-model.ts';
import { KOKORO_MODEL_ID } from './types.ts';

function committedFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? committedFiles(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
  );
}

describe('the tiny TTS test model', () => {
  const generated = ttsTestModelFiles();

  it('lives under the id the app loads', () => {
    expect(TTS_TEST_MODEL_ID).toBe(KOKORO_MODEL_ID);
  });

  it('has exactly the generated files in its folder (the speech-to-text stand-ins sit beside it)', () => {
    expect(committedFiles(TTS_TEST_MODELS_DIR, TTS_TEST_MODEL_ID).sort()).toEqual([...generated.keys()].sort());
  });

  it.each([...generated.keys()])('%s is byte-for-byte what the script makes', (relative) => {
    const committed = new Uint8Array(readFileSync(path.join(TTS_TEST_MODELS_DIR, relative)));
    expect(Buffer.from(committed).equals(Buffer.from(generated.get(relative)!))).toBe(true);
  });

  it('stays tiny (a graph of a dozen ops, not weights)', () => {
    expect(generated.get(`${TTS_TEST_MODEL_ID}/onnx/model_quantized.onnx`)!.byteLength).toBeLessThan(2048);
  });
});
