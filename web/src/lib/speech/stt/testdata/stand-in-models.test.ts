// The committed tiny Moonshine and Whisper stand-ins are exactly what scripts/make-stt-test-models.ts makes, so the script cannot rot.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STT_TEST_MODEL_IDS, STT_TEST_MODELS_DIR, sttTestModelFiles } from '../../../../../scripts/make-stt-test-models.ts';
import { WHISPER_TEST_MODEL_ID } from '../../../../../scripts/make-whisper-test-model.ts';
import { MOONSHINE_MODELS, WHISPER_BASE } from '../engines/device/models.ts';

function committedFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? committedFiles(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
  );
}

describe('the tiny speech-to-text stand-ins', () => {
  const generated = sttTestModelFiles();
  const ids = [...STT_TEST_MODEL_IDS, WHISPER_TEST_MODEL_ID];

  it('live under the ids the app loads', () => {
    expect(ids.sort()).toEqual([...Object.values(MOONSHINE_MODELS), WHISPER_BASE.id].sort());
  });

  it('have exactly the generated files on disk: the seven the pipeline reads, in every dtype the app asks for', () => {
    const committed = ids.flatMap((id) => committedFiles(STT_TEST_MODELS_DIR, id));
    expect(committed.sort()).toEqual([...generated.keys()].sort());
    expect(generated.size).toBe(ids.length * 9);
  });

  it.each([...generated.keys()])('%s is byte-for-byte what the script makes', (relative) => {
    const committed = new Uint8Array(readFileSync(path.join(STT_TEST_MODELS_DIR, relative)));
    expect(Buffer.from(committed).equals(Buffer.from(generated.get(relative)!))).toBe(true);
  });
});
